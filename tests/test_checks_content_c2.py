"""Chapter 6's cross-entropy section (issue 12, item 4): its exercise, and the maths the notebook shows.

Exercise 6.8: a network says p = (0.1, 0.7, 0.2) for an image of class 2; δ = p − t = (0.1, 0.7, −0.8).
"""
import numpy as np

from course_lib import losses
from course_lib.activations import sigmoid, softmax
from course_lib.checks import ch06
from course_lib.gradcheck import numerical_gradient, rel_error
from check_support import ok, wrong




def test_output_delta_right_answers():
    ex = ch06.output_delta_exercise
    ok(ex, [0.1, 0.7, -0.8])
    ok(ex, np.array([0.1, 0.7, 0.2]) - np.array([0, 0, 1]))
    ok(ex, (0.1 - 0, 0.7 - 0, 0.2 - 1))


def test_output_delta_typical_mistakes():
    ex = ch06.output_delta_exercise
    wrong(ex, [-0.1, -0.7, 0.8], "wrong way round")
    wrong(ex, [0.1, -0.3, 0.2], "counted from 0")
    wrong(ex, [0.1, 0.7, 0.2], "probabilities p themselves")
    wrong(ex, [0.1 * 0.1 * 0.9, 0.7 * 0.7 * 0.3, -0.8 * 0.2 * 0.8], "factor cancels")
    wrong(ex, [0.1, 0.7])                                              # the wrong number of entries
    wrong(ex, -np.log(0.2))                                            # the loss, not δ


def test_delta_is_p_minus_t_numerically():
    # What the notebook checks: ∂E/∂z of E = cross_entropy_from_logits(z, t) equals softmax(z) − t.
    z = np.array([1.0, 2.5, 4.0])
    t = np.array([1.0, 0.0, 0.0])
    numeric = numerical_gradient(lambda zz: losses.cross_entropy_from_logits(zz, t), z)
    assert rel_error(numeric, softmax(z) - t) < 1e-7
    # the function the network calls in training gives the same (for n = 1 sample), with no activation factor
    out = np.empty((1, 3))
    delta = losses.CrossEntropy().delta(z[None], softmax(z)[None], t[None], None, out)
    assert np.allclose(delta[0], softmax(z) - t)
    # and cross_entropy of the probabilities is the same number as from the weighted sums
    assert np.isclose(losses.cross_entropy(softmax(z), [0]), losses.cross_entropy_from_logits(z, [0]))


def test_badly_wrong_sigmoid_learns_slowly_with_squared_error():
    # Hand-worked (the notebook's table): target t = 0, weighted sum z = 5: a = σ(5) = 0.9933,
    # σ'(5) = a(1 − a) = 0.0066, squared-error δ = (a − t)·σ'(z) = 0.0066, cross-entropy δ = a − t = 0.9933.
    a = sigmoid(5.0)
    assert round(float(a), 4) == 0.9933
    assert round(float(a * (1 - a)), 4) == 0.0066
    assert round(float(a * a * (1 - a)), 4) == 0.0066
    # a 2-class softmax with weighted sums (0, z) gives p_1 = σ(z): the sigmoid is a softmax of two classes
    for z in (-3.0, 0.5, 2.0, 5.0):
        assert np.isclose(softmax(np.array([0.0, z]))[1], sigmoid(z))


def test_lecture_example_losses():
    # The slide's activations 0.0068, 0.1592, 0.8340: E = −log 0.8340 = 0.1815 if the answer is 2,
    # −log 0.0068 = 4.9908 if it is 0.
    p = np.array([0.0068, 0.1592, 0.8340])
    assert round(losses.cross_entropy(p, [2]), 4) == 0.1815
    assert round(losses.cross_entropy(p, [0]), 4) == 4.9908
