using System.Runtime.CompilerServices;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// Printers recurse over the tree; this probe turns a tree too deep for the current thread's stack into
/// a <see cref="SymbolicLimitException"/> instead of a process-killing stack overflow.
/// </summary>
internal static class StackGuard
{
    public static void Ensure()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new SymbolicLimitException("the expression is nested too deeply to print on this thread's stack");
    }
}
