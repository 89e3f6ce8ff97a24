"""A software prefetch for the compiled kernels: ``prefetch(a, q)`` asks the CPU to start loading
row ``q`` of a C-contiguous array ``a`` (an element of a 1-D array, a row of a 2-D one) into cache,
and returns at once. Loops that read rows in an order the hardware cannot predict (the plot table's
gather of records) issue it some rows ahead so that the reads' cache misses overlap.

It is the LLVM ``llvm.prefetch`` intrinsic (read, high locality, data cache) on the row's first and
last byte (a row may straddle two cache lines). A hint only: no effect on results, never faults.
"""

from __future__ import annotations

from llvmlite import ir
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

_I8P, _I32 = ir.IntType(8).as_pointer(), ir.IntType(32)


@intrinsic
def prefetch(typingctx, a, q):
    """Prefetch the cache lines of row ``q`` of the C-contiguous array ``a`` (no result)."""
    if not isinstance(a, types.Array) or a.layout != "C" or not isinstance(q, types.Integer):
        return None

    def codegen(context, builder, signature, args):
        arr = context.make_array(signature.args[0])(context, builder, args[0])
        row = builder.extract_value(arr.strides, 0)  # bytes per row of a C array
        index = context.cast(builder, args[1], signature.args[1], types.intp)
        start = builder.add(builder.ptrtoint(arr.data, row.type), builder.mul(index, row))
        fn = cgutils.get_or_insert_function(builder.module, ir.FunctionType(ir.VoidType(), [_I8P, _I32, _I32, _I32]),
                                            "llvm.prefetch.p0")
        for at in (start, builder.sub(builder.add(start, row), ir.Constant(row.type, 1))):
            builder.call(fn, [builder.inttoptr(at, _I8P), _I32(0), _I32(3), _I32(1)])
        return context.get_dummy_value()

    return types.void(a, q), codegen
