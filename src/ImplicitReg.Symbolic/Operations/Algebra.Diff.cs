using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Operations;

public static partial class Algebra
{
    /// <summary>
    /// The partial derivative ∂e/∂x, with every rule (sum, product, power with constant or symbolic
    /// exponent, chain rule through the built-in functions). <c>abs</c> and <c>sign</c> are differentiated
    /// almost everywhere: <c>abs(u)' = sign(u)·u'</c>, <c>sign(u)' = 0</c>.
    /// </summary>
    public static Expr Diff(Expr e, Sym x)
    {
        var cache = new Dictionary<Expr, Expr>();
        return D(e);

        Expr D(Expr u)
        {
            if (!DependsOn(u, x)) return Expr.Zero;
            if (cache.TryGetValue(u, out var hit)) return hit;
            var r = u switch
            {
                Sym => Expr.One,                                                    // x' = 1
                Add a => Expr.Add(a.Terms.Select(D)),                               // (a+b)' = a' + b'
                Mul m => Product(m),                                                // (a·b)' = a'·b + a·b'
                Pow p => Power(p),
                Call c => Expr.Mul(Outer(c), D(c.Argument)),                       // f(u)' = f'(u)·u'
                Statement => throw new SymbolicException("cannot differentiate a statement"),
                _ => throw new SymbolicException($"cannot differentiate '{u}'"),
            };
            cache[u] = r;
            return r;
        }

        Expr Product(Mul m)
        {
            var f = m.Factors;
            var terms = new List<Expr>(f.Count);
            for (int i = 0; i < f.Count; i++)
            {
                var di = D(f[i]);
                if (di is Num { Value.IsZero: true }) continue;
                var others = new Expr[f.Count];
                for (int j = 0; j < f.Count; j++) others[j] = j == i ? di : f[j];
                terms.Add(Expr.Mul(others));
            }
            return Expr.Add(terms);
        }

        Expr Power(Pow p)
        {
            var (b, n) = (p.Base, p.Exponent);
            if (!DependsOn(n, x))
                return Expr.Mul(n, Expr.Pow(b, Expr.Sub(n, Expr.One)), D(b));     // (b^n)' = n·b^(n−1)·b'
            if (!DependsOn(b, x))
                return Expr.Mul(p, Expr.Log(b), D(n));                              // (b^v)' = b^v·log(b)·v'
            return Expr.Mul(p, Expr.Add(Expr.Mul(D(n), Expr.Log(b)),               // (b^v)' = b^v·(v'·log b + v·b'/b)
                Expr.Mul(n, D(b), Expr.Pow(b, Expr.MinusOne))));
        }

        static Expr Outer(Call c) => c.Function switch
        {
            Func.Exp => c,                                                          // exp' = exp
            Func.Log => Expr.Pow(c.Argument, Expr.MinusOne),                        // log' = 1/u
            Func.Abs => Expr.Sign(c.Argument),                                      // |u|' = sign(u) (a.e.)
            Func.Sign => Expr.Zero,                                                 // sign' = 0 (a.e.)
            Func.Sin => Expr.Cos(c.Argument),                                       // sin' = cos
            Func.Cos => Expr.Neg(Expr.Sin(c.Argument)),                             // cos' = −sin
            _ => throw new SymbolicException($"no derivative rule for {c.Function}"),
        };
    }

    /// <summary>Higher derivative ∂ⁿe/∂xⁿ.</summary>
    public static Expr Diff(Expr e, Sym x, int order)
    {
        for (int i = 0; i < order; i++) e = Diff(e, x);
        return e;
    }

    /// <summary>The gradient (∂e/∂x₁, …, ∂e/∂xₙ).</summary>
    public static Expr[] Gradient(Expr e, IReadOnlyList<Sym> variables) =>
        variables.Select(v => Diff(e, v)).ToArray();

    /// <summary>The Jacobian J[i, j] = ∂fᵢ/∂xⱼ.</summary>
    public static Expr[,] Jacobian(IReadOnlyList<Expr> functions, IReadOnlyList<Sym> variables)
    {
        var j = new Expr[functions.Count, variables.Count];
        for (int r = 0; r < functions.Count; r++)
            for (int c = 0; c < variables.Count; c++)
                j[r, c] = Diff(functions[r], variables[c]);
        return j;
    }

    /// <summary>
    /// The total time derivative of f along the vector field ẋ = field(x): <c>d/dt f = ∇f · ẋ</c>
    /// (plus ∂f/∂t if f depends on the optional time symbol).
    /// </summary>
    public static Expr TimeDerivative(Expr f, IReadOnlyDictionary<Sym, Expr> field, Sym? time = null)
    {
        var terms = new List<Expr>(field.Count + 1);
        foreach (var (v, rate) in field)
            if (DependsOn(f, v)) terms.Add(Expr.Mul(Diff(f, v), rate));
        if (time is not null) terms.Add(Diff(f, time));
        return Expr.Add(terms);
    }
}
