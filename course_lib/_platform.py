"""What differs in the browser-only edition (JupyterLite: Python compiled to WebAssembly by Pyodide).

in_browser()            True there (``sys.platform == "emscripten"``), False everywhere else.
matmul(A, B, out)       out = A @ B for the network's layers: ``np.matmul`` everywhere, except in the browser.

NumPy in Pyodide has no optimised BLAS: its own matrix product runs at about 0.7 GFLOP/s there, 5 times
slower than the OpenBLAS that Pyodide ships with SciPy (measured for a 128×784 by 784×128 product:
37 ms against 7 ms).  So in the browser ``matmul`` calls OpenBLAS's gemm through ``scipy.linalg.blas``
(tools/build_lite.py puts SciPy in the site for this), writing into ``out`` in place as ``np.matmul`` does.
The results equal ``np.matmul``'s up to rounding (tests/test_lite.py checks it inside the site).
"""
from __future__ import annotations

import sys

import numpy as np

__all__ = ["in_browser", "matmul"]


def in_browser() -> bool:
    """True in the browser-only edition (Pyodide: ``sys.platform == "emscripten"``)."""
    return sys.platform == "emscripten"


def _gemm_routines():
    """{dtype: gemm} from SciPy's OpenBLAS, or {} when SciPy is not there."""
    try:
        from scipy.linalg import blas
    except ImportError:
        return {}
    return {np.dtype(np.float64): blas.dgemm, np.dtype(np.float32): blas.sgemm}


def _fortran_operand(M):
    """(x, trans) with op(x) = Mᵀ and x Fortran-ordered, without a copy when M is C- or Fortran-ordered."""
    if M.flags.c_contiguous:
        return M.T, 0            # Mᵀ of a C-ordered array is Fortran-ordered
    if M.flags.f_contiguous:
        return M, 1              # op(M) = Mᵀ: BLAS transposes while it reads
    return np.asfortranarray(M.T), 0


# Below about 32³ multiply-adds the call into SciPy costs more than it saves (measured in Pyodide: 10×8 by 8×8
# 28 µs with NumPy, 63 µs through SciPy; 32×32 by 32×32 36 µs and 24 µs): the playground's small networks keep NumPy.
_BLAS_MIN_WORK = 32 ** 3


def _blas_matmul(A, B, out, gemm):
    r"""out (m, n) = A (m, k) @ B (k, n) by gemm, in place: out is C-ordered, so outᵀ = Bᵀ Aᵀ is a Fortran-ordered
    (n, m) array that BLAS (column-major) fills directly."""
    if (gemm is None or A.ndim != 2 or B.ndim != 2 or out.ndim != 2 or A.dtype != out.dtype
            or B.dtype != out.dtype or not out.flags.c_contiguous or 0 in A.shape or 0 in B.shape
            or A.shape[0] * A.shape[1] * B.shape[1] < _BLAS_MIN_WORK):
        return np.matmul(A, B, out=out)
    x, trans_x = _fortran_operand(B)
    y, trans_y = _fortran_operand(A)
    result = gemm(1.0, x, y, beta=0.0, c=out.T, trans_a=trans_x, trans_b=trans_y, overwrite_c=1)
    if not np.shares_memory(result, out):            # f2py made a copy after all: keep the promise of out=
        out[...] = result.T
    return out


if in_browser():
    _GEMM = None            # imported at the first product: chapters that train nothing never import SciPy

    def matmul(A, B, out):
        """out = A @ B (2-D, written into ``out``) with OpenBLAS's gemm from SciPy when it is there."""
        global _GEMM
        if _GEMM is None:
            _GEMM = _gemm_routines()
        return _blas_matmul(A, B, out, _GEMM.get(out.dtype))
else:
    def matmul(A, B, out):
        """out = A @ B (2-D, written into ``out``): ``np.matmul`` (NumPy's own BLAS)."""
        return np.matmul(A, B, out=out)
