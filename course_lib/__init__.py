"""course_lib — the small library behind "Neural Networks from Scratch".

One module per idea (import what a chapter needs):

    activations  step, sigmoid, tanh, relu, leaky_relu, softmax — each beside its derivative
    neuron       one neuron: z = w·x + b, a = f(z); the threshold form; logic gates
    mlp          dense multilayer networks: forward, backward (backpropagation), predict
    optim        SGD, Momentum, AdaGrad, Adam
    train        losses (squared error, cross-entropy) and ``fit`` with a history
    linreg       ŷ = a·x + b, mean squared error, gradient descent, minibatch SGD, least squares
    gradcheck    numerical gradients and ``rel_error``
    datasets     Hubble 1929, MNIST, the 4×3 letters, brain neuron counts — offline, checksum-verified
    plots        figures reused by notebooks and explorers
    explorers    slider widgets that move weights and biases live
    checks       self-checking exercises: ``check(answer)``, ``hint()``, ``solution()``
    present      large fonts for projecting in class;  slides: export chapters as reveal.js decks
"""
__version__ = "0.1.0"
