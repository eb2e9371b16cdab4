using System.Runtime.InteropServices;

namespace ImplicitReg.Solver.Native;

/// <summary>
/// The thin P/Invoke surface of libz3 (C API 4.8.12, <c>/usr/include/z3_api.h</c>). Handles are
/// <see cref="IntPtr"/>, <c>unsigned</c> is <see cref="uint"/>, C <c>bool</c> is a one-byte value, and every
/// returned <c>Z3_string</c> is an <see cref="IntPtr"/> into a buffer Z3 reuses on the next call: callers copy it
/// at once with <see cref="Z3Library.CopyString"/>. The library is located by <see cref="Z3Library"/>
/// (a <c>DllImportResolver</c>), never by the default probing, so a missing library is a clear message.
/// </summary>
internal static partial class Z3Native
{
    internal const string Lib = "z3";

    /// <summary><c>void Z3_error_handler(Z3_context c, Z3_error_code e)</c>.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate void ErrorHandler(IntPtr context, int errorCode);

    // Configuration, contexts, errors.
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_config();
    [LibraryImport(Lib)] internal static partial void Z3_del_config(IntPtr cfg);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial void Z3_set_param_value(IntPtr cfg, string id, string value);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_context(IntPtr cfg);
    [LibraryImport(Lib)] internal static partial void Z3_del_context(IntPtr ctx);
    [LibraryImport(Lib)] internal static partial void Z3_set_error_handler(IntPtr ctx, IntPtr handler);
    [LibraryImport(Lib)] internal static partial int Z3_get_error_code(IntPtr ctx);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_get_error_msg(IntPtr ctx, int code);
    [LibraryImport(Lib)] internal static partial void Z3_get_version(out uint major, out uint minor, out uint build, out uint revision);
    [LibraryImport(Lib)] internal static partial void Z3_interrupt(IntPtr ctx);

    // Sorts, symbols, constants, numerals.
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_real_sort(IntPtr ctx);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_bool_sort(IntPtr ctx);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr Z3_mk_string_symbol(IntPtr ctx, string name);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_const(IntPtr ctx, IntPtr symbol, IntPtr sort);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr Z3_mk_numeral(IntPtr ctx, string numeral, IntPtr sort);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_true(IntPtr ctx);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_false(IntPtr ctx);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_to_app(IntPtr ctx, IntPtr ast);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_ast_to_string(IntPtr ctx, IntPtr ast);

    // Arithmetic.
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_add(IntPtr ctx, uint count, IntPtr[] args);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_mul(IntPtr ctx, uint count, IntPtr[] args);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_sub(IntPtr ctx, uint count, IntPtr[] args);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_unary_minus(IntPtr ctx, IntPtr arg);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_div(IntPtr ctx, IntPtr numerator, IntPtr denominator);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_power(IntPtr ctx, IntPtr b, IntPtr e);

    // Relations and logic.
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_eq(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_lt(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_le(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_gt(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_ge(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_not(IntPtr ctx, IntPtr a);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_and(IntPtr ctx, uint count, IntPtr[] args);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_or(IntPtr ctx, uint count, IntPtr[] args);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_implies(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_ite(IntPtr ctx, IntPtr condition, IntPtr then, IntPtr otherwise);

    // Quantifiers over constants (no patterns: nonlinear real arithmetic needs none).
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_forall_const(IntPtr ctx, uint weight, uint boundCount, IntPtr[] bound, uint patternCount, IntPtr[]? patterns, IntPtr body);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_exists_const(IntPtr ctx, uint weight, uint boundCount, IntPtr[] bound, uint patternCount, IntPtr[]? patterns, IntPtr body);

    // Parameters (always reference counted, even in a non-rc context).
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_params(IntPtr ctx);
    [LibraryImport(Lib)] internal static partial void Z3_params_inc_ref(IntPtr ctx, IntPtr p);
    [LibraryImport(Lib)] internal static partial void Z3_params_dec_ref(IntPtr ctx, IntPtr p);
    [LibraryImport(Lib)] internal static partial void Z3_params_set_uint(IntPtr ctx, IntPtr p, IntPtr key, uint value);

    // Tactics and solvers.
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr Z3_mk_tactic(IntPtr ctx, string name);
    [LibraryImport(Lib)] internal static partial void Z3_tactic_inc_ref(IntPtr ctx, IntPtr t);
    [LibraryImport(Lib)] internal static partial void Z3_tactic_dec_ref(IntPtr ctx, IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_solver(IntPtr ctx);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_mk_solver_from_tactic(IntPtr ctx, IntPtr tactic);
    [LibraryImport(Lib)] internal static partial void Z3_solver_inc_ref(IntPtr ctx, IntPtr s);
    [LibraryImport(Lib)] internal static partial void Z3_solver_dec_ref(IntPtr ctx, IntPtr s);
    [LibraryImport(Lib)] internal static partial void Z3_solver_set_params(IntPtr ctx, IntPtr s, IntPtr p);
    [LibraryImport(Lib)] internal static partial void Z3_solver_assert(IntPtr ctx, IntPtr s, IntPtr a);
    [LibraryImport(Lib)] internal static partial int Z3_solver_check(IntPtr ctx, IntPtr s);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_solver_get_model(IntPtr ctx, IntPtr s);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_solver_get_reason_unknown(IntPtr ctx, IntPtr s);

    // Models and numerals.
    [LibraryImport(Lib)] internal static partial void Z3_model_inc_ref(IntPtr ctx, IntPtr m);
    [LibraryImport(Lib)] internal static partial void Z3_model_dec_ref(IntPtr ctx, IntPtr m);
    [LibraryImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool Z3_model_eval(IntPtr ctx, IntPtr m, IntPtr t, [MarshalAs(UnmanagedType.U1)] bool modelCompletion, out IntPtr value);
    [LibraryImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool Z3_is_numeral_ast(IntPtr ctx, IntPtr a);
    [LibraryImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool Z3_is_algebraic_number(IntPtr ctx, IntPtr a);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_get_numeral_string(IntPtr ctx, IntPtr a);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_get_numeral_decimal_string(IntPtr ctx, IntPtr a, uint precision);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_get_algebraic_number_lower(IntPtr ctx, IntPtr a, uint precision);
    [LibraryImport(Lib)] internal static partial IntPtr Z3_get_algebraic_number_upper(IntPtr ctx, IntPtr a, uint precision);
}
