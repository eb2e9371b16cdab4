using System.Globalization;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Solver.Native;

/// <summary>A Z3 term (<c>Z3_ast</c>) of the context that made it; valid until that context is disposed.</summary>
public readonly record struct Z3Term(IntPtr Handle);

public sealed partial class Z3Context
{
    /// <summary>A real constant (a free variable of the obligation).</summary>
    public Z3Term RealConstant(string name)
    {
        var symbol = Checked(Z3Native.Z3_mk_string_symbol(Raw, name), "Z3_mk_string_symbol");
        return new(Checked(Z3Native.Z3_mk_const(Raw, symbol, RealSort), "Z3_mk_const"));
    }

    /// <summary>An exact rational numeral (<c>p/q</c>).</summary>
    public Z3Term Real(Rational value)
    {
        var text = value.IsInteger
            ? value.Numerator.ToString(CultureInfo.InvariantCulture)
            : value.Numerator.ToString(CultureInfo.InvariantCulture) + "/" + value.Denominator.ToString(CultureInfo.InvariantCulture);
        return new(Checked(Z3Native.Z3_mk_numeral(Raw, text, RealSort), "Z3_mk_numeral"));
    }

    /// <summary>The constant <c>true</c>.</summary>
    public Z3Term True() => new(Checked(Z3Native.Z3_mk_true(Raw), "Z3_mk_true"));
    /// <summary>The constant <c>false</c>.</summary>
    public Z3Term False() => new(Checked(Z3Native.Z3_mk_false(Raw), "Z3_mk_false"));

    /// <summary>The n-ary sum.</summary>
    public Z3Term Add(params Z3Term[] terms) => NAry(terms, Z3Native.Z3_mk_add, "Z3_mk_add");
    /// <summary>The n-ary product.</summary>
    public Z3Term Mul(params Z3Term[] terms) => NAry(terms, Z3Native.Z3_mk_mul, "Z3_mk_mul");
    /// <summary><c>a − b</c>.</summary>
    public Z3Term Sub(Z3Term a, Z3Term b) => NAry([a, b], Z3Native.Z3_mk_sub, "Z3_mk_sub");
    /// <summary><c>−a</c>.</summary>
    public Z3Term Neg(Z3Term a) => new(Checked(Z3Native.Z3_mk_unary_minus(Raw, a.Handle), "Z3_mk_unary_minus"));
    /// <summary>Real division <c>a / b</c>.</summary>
    public Z3Term Div(Z3Term a, Z3Term b) => new(Checked(Z3Native.Z3_mk_div(Raw, a.Handle, b.Handle), "Z3_mk_div"));
    /// <summary><c>b^e</c>.</summary>
    public Z3Term Power(Z3Term b, Z3Term e) => new(Checked(Z3Native.Z3_mk_power(Raw, b.Handle, e.Handle), "Z3_mk_power"));

    /// <summary><c>a = b</c>.</summary>
    public Z3Term Eq(Z3Term a, Z3Term b) => Binary(a, b, Z3Native.Z3_mk_eq, "Z3_mk_eq");
    /// <summary><c>a &lt; b</c>.</summary>
    public Z3Term Lt(Z3Term a, Z3Term b) => Binary(a, b, Z3Native.Z3_mk_lt, "Z3_mk_lt");
    /// <summary><c>a &lt;= b</c>.</summary>
    public Z3Term Le(Z3Term a, Z3Term b) => Binary(a, b, Z3Native.Z3_mk_le, "Z3_mk_le");
    /// <summary><c>a &gt; b</c>.</summary>
    public Z3Term Gt(Z3Term a, Z3Term b) => Binary(a, b, Z3Native.Z3_mk_gt, "Z3_mk_gt");
    /// <summary><c>a &gt;= b</c>.</summary>
    public Z3Term Ge(Z3Term a, Z3Term b) => Binary(a, b, Z3Native.Z3_mk_ge, "Z3_mk_ge");
    /// <summary><c>a implies b</c>.</summary>
    public Z3Term Implies(Z3Term a, Z3Term b) => Binary(a, b, Z3Native.Z3_mk_implies, "Z3_mk_implies");
    /// <summary><c>not a</c>.</summary>
    public Z3Term Not(Z3Term a) => new(Checked(Z3Native.Z3_mk_not(Raw, a.Handle), "Z3_mk_not"));
    /// <summary>The conjunction (<c>true</c> when empty).</summary>
    public Z3Term And(params Z3Term[] terms) => terms.Length == 0 ? True() : NAry(terms, Z3Native.Z3_mk_and, "Z3_mk_and");
    /// <summary>The disjunction (<c>false</c> when empty).</summary>
    public Z3Term Or(params Z3Term[] terms) => terms.Length == 0 ? False() : NAry(terms, Z3Native.Z3_mk_or, "Z3_mk_or");

    /// <summary><c>if condition then then else otherwise</c>.</summary>
    public Z3Term Ite(Z3Term condition, Z3Term then, Z3Term otherwise) =>
        new(Checked(Z3Native.Z3_mk_ite(Raw, condition.Handle, then.Handle, otherwise.Handle), "Z3_mk_ite"));

    /// <summary><c>∀ bound. body</c>, where <paramref name="bound"/> are constants made by <see cref="RealConstant"/>.</summary>
    public Z3Term ForAll(IReadOnlyList<Z3Term> bound, Z3Term body) => Quantifier(bound, body, forall: true);

    /// <summary><c>∃ bound. body</c>.</summary>
    public Z3Term Exists(IReadOnlyList<Z3Term> bound, Z3Term body) => Quantifier(bound, body, forall: false);

    /// <summary>Z3's own SMT-LIB rendering of a term (diagnostics only; certificates come from the kernel printer).</summary>
    public string ToString(Z3Term term)
    {
        var s = Z3Native.Z3_ast_to_string(Raw, term.Handle);
        Check();
        return Z3Library.CopyString(s);
    }

    private Z3Term Quantifier(IReadOnlyList<Z3Term> bound, Z3Term body, bool forall)
    {
        if (bound.Count == 0) return body;
        var apps = new IntPtr[bound.Count];
        for (var i = 0; i < apps.Length; i++)
            apps[i] = Checked(Z3Native.Z3_to_app(Raw, bound[i].Handle), "Z3_to_app");
        var q = forall
            ? Z3Native.Z3_mk_forall_const(Raw, 0, (uint)apps.Length, apps, 0, null, body.Handle)
            : Z3Native.Z3_mk_exists_const(Raw, 0, (uint)apps.Length, apps, 0, null, body.Handle);
        return new(Checked(q, forall ? "Z3_mk_forall_const" : "Z3_mk_exists_const"));
    }

    private Z3Term Binary(Z3Term a, Z3Term b, Func<IntPtr, IntPtr, IntPtr, IntPtr> make, string what) =>
        new(Checked(make(Raw, a.Handle, b.Handle), what));

    private Z3Term NAry(Z3Term[] terms, Func<IntPtr, uint, IntPtr[], IntPtr> make, string what)
    {
        if (terms.Length == 1 && what is not "Z3_mk_sub") return terms[0];
        var handles = new IntPtr[terms.Length];
        for (var i = 0; i < handles.Length; i++) handles[i] = terms[i].Handle;
        return new(Checked(make(Raw, (uint)handles.Length, handles), what));
    }
}
