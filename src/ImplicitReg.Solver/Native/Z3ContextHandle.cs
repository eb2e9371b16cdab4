using System.Runtime.InteropServices;

namespace ImplicitReg.Solver.Native;

/// <summary>Owns a <c>Z3_context</c>; releasing it frees every term, solver and model made in it.</summary>
internal sealed class Z3ContextHandle : SafeHandle
{
    public Z3ContextHandle(IntPtr context) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(context);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Z3Native.Z3_del_context(handle);
        return true;
    }
}
