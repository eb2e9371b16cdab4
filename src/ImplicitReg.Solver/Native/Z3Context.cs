using System.Runtime.InteropServices;

namespace ImplicitReg.Solver.Native;

/// <summary>
/// One Z3 context: one proof obligation. Z3's default error handler calls <c>exit(1)</c>, so a managed
/// handler is installed right after creation; it only records the error (it must never throw across the
/// native boundary) and every wrapper method checks the record after its call and throws a
/// <see cref="Z3Exception"/>. Terms live until the context is disposed (a non-reference-counted context:
/// simple and enough for one-shot obligations). Not thread-safe, except <see cref="Interrupt"/>.
/// </summary>
public sealed partial class Z3Context : IDisposable
{
    private readonly Z3ContextHandle _handle;
    // Kept in a field so the garbage collector cannot free the delegate while Z3 still holds its pointer.
    private readonly Z3Native.ErrorHandler _onError;
    private readonly Lock _gate = new();
    private Z3ErrorCode _errorCode;
    private string _errorMessage = "";
    private bool _disposed;

    /// <summary>Creates a context; throws <see cref="SolverUnavailableException"/> when libz3 is missing.</summary>
    public Z3Context()
    {
        Z3Library.RequireLoaded();
        var config = Z3Native.Z3_mk_config();
        try
        {
            Z3Native.Z3_set_param_value(config, "model", "true");
            var raw = Z3Native.Z3_mk_context(config);
            if (raw == IntPtr.Zero) throw new Z3Exception(Z3ErrorCode.MemoryOut, "Z3_mk_context returned null");
            _handle = new Z3ContextHandle(raw);
        }
        finally
        {
            Z3Native.Z3_del_config(config);
        }
        _onError = OnError;
        Z3Native.Z3_set_error_handler(Raw, Marshal.GetFunctionPointerForDelegate(_onError));
        RealSort = Z3Native.Z3_mk_real_sort(Raw);
        Check();
    }

    internal IntPtr Raw => _disposed ? throw new ObjectDisposedException(nameof(Z3Context)) : _handle.DangerousGetHandle();

    internal bool IsDisposed => _disposed;

    internal IntPtr RealSort { get; }

    /// <summary>Version of the loaded library, e.g. <c>4.8.12</c>.</summary>
    public static string Version
    {
        get
        {
            Z3Library.RequireLoaded();
            Z3Native.Z3_get_version(out var major, out var minor, out var build, out _);
            return $"{major}.{minor}.{build}";
        }
    }

    /// <summary>Asks a running check to stop (safe from another thread, e.g. a watchdog timer).</summary>
    public void Interrupt()
    {
        lock (_gate)
        {
            if (!_disposed) Z3Native.Z3_interrupt(_handle.DangerousGetHandle());
        }
    }

    /// <summary>Throws the error Z3 recorded during the last call, if any, and clears it.</summary>
    internal void Check()
    {
        var code = _errorCode;
        if (code == Z3ErrorCode.Ok)
        {
            var reported = (Z3ErrorCode)Z3Native.Z3_get_error_code(Raw);
            if (reported == Z3ErrorCode.Ok) return;
            code = reported;
            _errorMessage = Z3Library.CopyString(Z3Native.Z3_get_error_msg(Raw, (int)reported));
        }
        var message = _errorMessage;
        _errorCode = Z3ErrorCode.Ok;
        _errorMessage = "";
        throw new Z3Exception(code, message);
    }

    /// <summary>Checks for an error and returns a handle that must not be null.</summary>
    internal IntPtr Checked(IntPtr result, string what)
    {
        Check();
        return result != IntPtr.Zero ? result : throw new Z3Exception(Z3ErrorCode.Exception, $"{what} returned null");
    }

    private void OnError(IntPtr context, int code)
    {
        try
        {
            _errorCode = Enum.IsDefined(typeof(Z3ErrorCode), code) ? (Z3ErrorCode)code : Z3ErrorCode.Exception;
            // Copy at once: the message buffer belongs to Z3.
            _errorMessage = Z3Library.CopyString(Z3Native.Z3_get_error_msg(context, code));
        }
        catch
        {
            _errorCode = Z3ErrorCode.Exception;
        }
    }

    /// <summary>Deletes the Z3 context; safe to call more than once.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _handle.Dispose();
        }
    }
}
