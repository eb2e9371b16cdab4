using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Tests.Differential;

/// <summary>
/// Seeded random expressions in x, y, z: sums, products, small powers, rational constants, and (when
/// <c>transcendental</c>) sin/cos/exp, square roots and quotients by sums, kept small enough for SymPy.
/// </summary>
internal sealed class RandomExpressions(int seed, bool transcendental)
{
    private static readonly Sym[] Symbols = [new("x"), new("y"), new("z")];
    private readonly Random _random = new(seed);

    public Expr Next() => Node(4);

    private Expr Node(int depth)
    {
        if (depth == 0 || (depth < 4 && _random.Next(5) == 0)) return Leaf();
        int pick = _random.Next(transcendental ? 10 : 7);
        return pick switch
        {
            0 or 1 or 2 => Expr.Add(Many(depth)),
            3 or 4 => Expr.Mul(Many(depth)),
            5 or 6 => Expr.Pow(Node(depth - 1), _random.Next(2, depth >= 3 ? 3 : depth == 2 ? 4 : 5)),
            7 => Expr.Apply(_random.Next(3) switch { 0 => Func.Sin, 1 => Func.Cos, _ => Func.Exp }, Node(depth - 1)),
            8 => Expr.Div(Node(depth - 1), Expr.Add(Node(depth - 1), Expr.Pow(Symbols[_random.Next(3)], 2), Num.Of(1))),
            _ => Expr.Sqrt(Expr.Add(Expr.Pow(Node(depth - 1), 2), Num.Of(1))),
        };
    }

    private Expr[] Many(int depth)
    {
        var parts = new Expr[_random.Next(2, 4)];
        for (int i = 0; i < parts.Length; i++) parts[i] = Node(depth - 1);
        return parts;
    }

    private Expr Leaf() => _random.Next(3) switch
    {
        0 => Num.Of(new Rational(_random.Next(-5, 6), _random.Next(1, 4))),
        _ => Symbols[_random.Next(Symbols.Length)],
    };
}
