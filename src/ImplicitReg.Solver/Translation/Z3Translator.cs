using System.Numerics;
using ImplicitReg.Solver.Native;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Solver.Translation;

/// <summary>
/// Kernel terms of a <see cref="LoweredProblem"/> (polynomial and rational arithmetic, relations, logic) to
/// Z3 terms of one context. Natural powers become products, negative powers divisions; equal kernel subterms
/// map to the same Z3 term.
/// </summary>
public sealed class Z3Translator(Z3Context context)
{
    /// <summary>Largest natural power written as a product.</summary>
    public const int MaxExpandedPower = 64;

    private readonly Dictionary<string, Z3Term> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<Expr, Z3Term> _memo = new();

    /// <summary>The Z3 constant of a declared variable (made on first use).</summary>
    public Z3Term Constant(Sym s)
    {
        if (!_constants.TryGetValue(s.Name, out var t)) _constants[s.Name] = t = context.RealConstant(s.Name);
        return t;
    }

    /// <summary>The Z3 term of a lowered (polynomial) expression or statement.</summary>
    public Z3Term Translate(Expr e)
    {
        if (_memo.TryGetValue(e, out var done)) return done;
        var result = e switch
        {
            Num n => context.Real(n.Value),
            Sym s => Constant(s),
            Add a => context.Add([.. a.Terms.Select(Translate)]),
            Mul m => context.Mul([.. m.Factors.Select(Translate)]),
            Pow p => Power(p),
            Rel r => Relation(r),
            Logic { Op: LogicOp.And } l => context.And([.. l.Operands.Select(Translate)]),
            Logic l => context.Or([.. l.Operands.Select(Translate)]),
            Not n => context.Not(Translate(n.Operand)),
            Implies i => context.Implies(Translate(i.Premise), Translate(i.Conclusion)),
            BoolConst b => b.Value ? context.True() : context.False(),
            Call c => throw new UntranslatableException($"{Call.NameOf(c.Function)}() must be lowered before translation: '{c}'"),
            _ => throw new UntranslatableException($"cannot translate '{e}'"),
        };
        _memo[e] = result;
        return result;
    }

    private Z3Term Power(Pow p)
    {
        if (p.Exponent is not Num { Value: { IsInteger: true } k })
            throw new UntranslatableException($"'{p}' must be lowered before translation (non-integer exponent)");
        if (BigInteger.Abs(k.Numerator) > MaxExpandedPower)
            throw new UntranslatableException($"the power '{p}' exceeds the largest power the solver expands ({MaxExpandedPower})");
        var n = (int)BigInteger.Abs(k.Numerator);
        var b = Translate(p.Base);
        var power = n == 1 ? b : context.Mul([.. Enumerable.Repeat(b, n)]);
        return k.Sign > 0 ? power : context.Div(context.Real(1), power);
    }

    private Z3Term Relation(Rel r)
    {
        var a = Translate(r.Left);
        var b = Translate(r.Right);
        return r.Op switch
        {
            RelOp.Eq => context.Eq(a, b),
            RelOp.Ne => context.Not(context.Eq(a, b)),
            RelOp.Lt => context.Lt(a, b),
            RelOp.Le => context.Le(a, b),
            RelOp.Gt => context.Gt(a, b),
            RelOp.Ge => context.Ge(a, b),
            _ => throw new ArgumentOutOfRangeException(nameof(r)),
        };
    }
}
