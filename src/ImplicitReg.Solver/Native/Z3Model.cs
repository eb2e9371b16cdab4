using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Solver.Native;

/// <summary>A satisfying assignment; numbers come back exactly (rationals) or as isolating intervals (algebraic).</summary>
public sealed class Z3Model : IDisposable
{
    /// <summary>Decimal digits of the isolating interval requested for an algebraic value.</summary>
    public const uint AlgebraicPrecisionDigits = 60;

    /// <summary>Decimal digits shown for an algebraic value.</summary>
    public const uint DisplayDigits = 20;

    private readonly Z3Context _context;
    private readonly IntPtr _model;
    private bool _disposed;

    internal Z3Model(Z3Context context, IntPtr model)
    {
        _context = context;
        _model = model;
        Z3Native.Z3_model_inc_ref(context.Raw, model);
        context.Check();
    }

    /// <summary>The value of a real term in this model (unconstrained constants default to 0).</summary>
    public ModelValue Evaluate(Z3Term term)
    {
        var raw = _context.Raw;
        var ok = Z3Native.Z3_model_eval(raw, _model, term.Handle, modelCompletion: true, out var value);
        _context.Check();
        if (!ok || value == IntPtr.Zero) throw new Z3Exception(Z3ErrorCode.InvalidArgument, "the model cannot evaluate the term");
        if (Z3Native.Z3_is_numeral_ast(raw, value))
        {
            var text = Z3Library.CopyString(Z3Native.Z3_get_numeral_string(raw, value));
            _context.Check();
            return Rational.TryParse(text, out var r)
                ? ModelValue.Exact(r)
                : throw new Z3Exception(Z3ErrorCode.InvalidArgument, $"unexpected numeral '{text}'");
        }
        if (Z3Native.Z3_is_algebraic_number(raw, value))
        {
            var lower = Numeral(Z3Native.Z3_get_algebraic_number_lower(raw, value, AlgebraicPrecisionDigits));
            var upper = Numeral(Z3Native.Z3_get_algebraic_number_upper(raw, value, AlgebraicPrecisionDigits));
            var shown = Z3Library.CopyString(Z3Native.Z3_get_numeral_decimal_string(raw, value, DisplayDigits));
            _context.Check();
            return ModelValue.Algebraic(lower, upper, shown);
        }
        throw new Z3Exception(Z3ErrorCode.InvalidArgument, $"the model value '{_context.ToString(new Z3Term(value))}' is not a real number");
    }

    private Rational Numeral(IntPtr ast)
    {
        _context.Check();
        var text = Z3Library.CopyString(Z3Native.Z3_get_numeral_string(_context.Raw, ast));
        _context.Check();
        return Rational.TryParse(text, out var r) ? r : throw new Z3Exception(Z3ErrorCode.InvalidArgument, $"unexpected numeral '{text}'");
    }

    /// <summary>Releases the model's reference.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_context.IsDisposed) Z3Native.Z3_model_dec_ref(_context.Raw, _model);
    }
}
