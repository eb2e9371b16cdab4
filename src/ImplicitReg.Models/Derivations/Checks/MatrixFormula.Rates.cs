using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Derivations.Checks;

public sealed partial class MatrixFormula
{
    /// <summary>
    /// The formula's value and its time derivative along a layer flow, on the polynomial path (forward-mode product
    /// rule over matrices). The derivative is <c>X + Xᵀ + Y</c>: a symmetric product <c>PᵀP</c> or <c>PPᵀ</c>
    /// contributes only its half <c>Ṗᵀ·P</c> (or <c>Ṗ·Pᵀ</c>) to X, whose transpose is the other half, so the
    /// usual balancedness identity costs one product per term instead of two; any other product goes to Y.
    /// </summary>
    public sealed record RateOfFormula(PolyMatrix Value, PolyMatrix? Half, PolyMatrix? Rest)
    {
        /// <summary>X + Xᵀ + Y, the whole derivative.</summary>
        public PolyMatrix Derivative()
        {
            var zero = PolyMatrix.Zero(Value.Variables, Value.Rows, Value.Columns);
            var d = Rest ?? zero;
            return Half is null ? d : d + Half + Half.Transpose();
        }
    }

    /// <summary>The value and rate of the formula at layer indices <paramref name="indices"/> along <paramref name="flow"/>.</summary>
    public RateOfFormula RateAlong(PolyFlow flow, DeepMatrixFactorization model, IReadOnlyDictionary<string, int> indices) =>
        Rate(Root, flow, new FormulaBindings { Layers = model, Indices = indices });

    /// <summary>
    /// How the half X of the derivative reads, for reports: <c>(dW(j+1)/dt)^T*W(j+1) - (dWj/dt)*Wj^T</c> for the
    /// balancedness matrix; null when the derivative has parts outside X.
    /// </summary>
    public string? HalfText() => HalfText(Root);

    private RateOfFormula Rate(Node node, PolyFlow flow, FormulaBindings b)
    {
        var v = flow.Variables;
        switch (node)
        {
            case NumberNode n:
                throw new FormulaException($"the number {n.Value} stands alone in '{Text}': a rate needs a matrix");
            case LayerNode l:
            {
                var (from, to) = Range(l, b.Indices);
                var layers = Layers(l, b);
                var value = flow.Matrix(layers);
                if (to == from + 1) return new RateOfFormula(value, null, null);
                // Product rule over the chain W_from ⋯ W_to.
                var model = b.Layers!;
                PolyMatrix? rate = null;
                for (int k = from; k >= to; k--)
                {
                    var left = flow.Matrix(model.Product(k + 1, from));
                    var right = flow.Matrix(model.Product(to, k - 1));
                    var term = left * flow.RateMatrix(model.Layer(k)) * right;
                    rate = rate is null ? term : rate + term;
                }
                return new RateOfFormula(value, null, rate);
            }
            case TransposeNode t:
            {
                var inner = Rate(t.Inner, flow, b);
                return new RateOfFormula(inner.Value.Transpose(), inner.Half?.Transpose(), inner.Rest?.Transpose());
            }
            case NegateNode n:
                return Scale(Rate(n.Inner, flow, b), Rational.MinusOne);
            case BinaryNode { Op: '*', Left: NumberNode k } x:
                return Scale(Rate(x.Right, flow, b), k.Value);
            case BinaryNode { Op: '*', Left: TransposeNode { Inner: var p }, Right: var q } when p == q:
            {
                var inner = Rate(q, flow, b);
                return new RateOfFormula(inner.Value.Transpose() * inner.Value, inner.Derivative().Transpose() * inner.Value, null); // d(PᵀP) = ṖᵀP + (ṖᵀP)ᵀ
            }
            case BinaryNode { Op: '*', Left: var p, Right: TransposeNode { Inner: var q } } when p == q:
            {
                var inner = Rate(p, flow, b);
                return new RateOfFormula(inner.Value * inner.Value.Transpose(), inner.Derivative() * inner.Value.Transpose(), null); // d(PPᵀ) = ṖPᵀ + (ṖPᵀ)ᵀ
            }
            case BinaryNode { Op: '*' } x:
            {
                RateOfFormula l = Rate(x.Left, flow, b), r = Rate(x.Right, flow, b);
                if (l.Value.Columns != r.Value.Rows)
                    throw new FormulaException($"cannot multiply a {l.Value.Rows}x{l.Value.Columns} matrix by a {r.Value.Rows}x{r.Value.Columns} one in '{Text}'");
                return new RateOfFormula(l.Value * r.Value, null, l.Derivative() * r.Value + l.Value * r.Derivative()); // (PQ)' = P'Q + PQ'
            }
            case BinaryNode { Op: '+' or '-' } x:
            {
                RateOfFormula l = Rate(x.Left, flow, b), r = Rate(x.Right, flow, b);
                if (l.Value.Rows != r.Value.Rows || l.Value.Columns != r.Value.Columns)
                    throw new FormulaException($"cannot add a {l.Value.Rows}x{l.Value.Columns} matrix and a {r.Value.Rows}x{r.Value.Columns} one in '{Text}'");
                if (x.Op == '-') r = Scale(r, Rational.MinusOne);
                return new RateOfFormula(l.Value + r.Value, Sum(l.Half, r.Half), Sum(l.Rest, r.Rest));
            }
            default:
                throw new FormulaException($"'{Text}': only the layers W[a], W[a:b], numbers and + - * ^T have a rate along the layer flow");
        }
    }

    private static RateOfFormula Scale(RateOfFormula r, Rational s) =>
        new(r.Value.Scale(s), r.Half?.Scale(s), r.Rest?.Scale(s));

    private static PolyMatrix? Sum(PolyMatrix? a, PolyMatrix? b) => a is null ? b : b is null ? a : a + b;

    private static string? HalfText(Node node)
    {
        static string S(Node n) => Show(n, FormulaBindings.NoIndices) ?? "I";
        return node switch
        {
            BinaryNode { Op: '*', Left: TransposeNode { Inner: var p }, Right: var q } when p == q => $"(d{S(p)}/dt)^T*{S(p)}",
            BinaryNode { Op: '*', Left: var p, Right: TransposeNode { Inner: var q } } when p == q => $"(d{S(p)}/dt)*{S(p)}^T",
            BinaryNode { Op: '*', Left: NumberNode k } x when HalfText(x.Right) is { } t => $"{k.Value}*({t})",
            NegateNode n when HalfText(n.Inner) is { } t => $"-({t})",
            BinaryNode { Op: '+' or '-' } x when HalfText(x.Left) is { } a && HalfText(x.Right) is { } c => $"{a} {x.Op} {c}",
            _ => null,
        };
    }
}
