"""course_lib — the small library behind "Neural Networks from Scratch".

One module per idea (import what a chapter needs); each formula is defined in one place:

    activations  one table of activation functions: f, f', fast in-place versions, display hints
    losses       squared error and cross-entropy: value, output-layer delta, number correct
    neuron       one neuron: z = w·x + b, a = f(z); the threshold form; logic gates
    mlp          dense networks: forward (with its cache), backward (the deltas), train_step, evaluate
    optim        SGD, Momentum, AdaGrad, Adam
    train        ``fit``: the training loop, with callbacks (``callbacks``) and a History
    linreg       ŷ = a·x + b, mean squared error, gradient descent, minibatch SGD, least squares
    gradcheck    numerical gradients and ``rel_error``
    datasets     Hubble 1929, MNIST, the 4×3 letters, brain neuron counts — offline, checksum-verified
    metrics      accuracy, confusion matrix, most confident mistakes
    figures      figures by what they draw: images, planes, curves, bars, diagrams
    explorers    slider widgets that move weights and biases live
    checks       self-checking exercises: ``check(answer)``, ``hint()``, ``solution()``
    present      large fonts for projecting in class;  slides: export chapters as reveal.js decks
    i18n         the language of every message: ``set_language("ja")`` for 日本語 (gettext catalogs in locale/)

Words: "the lecture" means the source lectures the course is built from (the project's history
calls them "seeds"); in the code the word *seed* only ever means a random seed, passed as ``rng``.
"""
__version__ = "0.1.0"

from .i18n import get_language, set_language  # noqa: E402

__all__ = ["set_language", "get_language"]

from .i18n import _from_environment  # noqa: E402

_from_environment()                  # COURSE_LIB_LANGUAGE=ja, if set; never the machine's locale
del _from_environment
