using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Derivations.Checks;

public sealed partial class MatrixFormula
{
    /// <summary>A node of a parsed formula.</summary>
    internal abstract record Node;

    /// <summary>An exact number.</summary>
    internal sealed record NumberNode(Rational Value) : Node;

    /// <summary>A name bound by the caller to a matrix or a scalar (<c>G</c>, <c>W2</c>, <c>kappa</c>).</summary>
    internal sealed record NameNode(string Name) : Node;

    /// <summary><c>W[a]</c> (layer a) or <c>W[a:b]</c> = W_a ⋯ W_b (empty when a = b − 1: the identity of size d_a).</summary>
    internal sealed record LayerNode(Index From, Index? To) : Node;

    /// <summary>The postfix transpose <c>^T</c>.</summary>
    internal sealed record TransposeNode(Node Inner) : Node;

    /// <summary>Unary minus.</summary>
    internal sealed record NegateNode(Node Inner) : Node;

    /// <summary><c>+ - * /</c>.</summary>
    internal sealed record BinaryNode(char Op, Node Left, Node Right) : Node;

    /// <summary>An integer index expression over named integers (<c>j + 1</c>, <c>N</c>).</summary>
    internal abstract record Index
    {
        public abstract int Evaluate(IReadOnlyDictionary<string, int> values, Func<string, Exception> unknown);
    }

    internal sealed record IndexNumber(int Value) : Index
    {
        public override int Evaluate(IReadOnlyDictionary<string, int> values, Func<string, Exception> unknown) => Value;

        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    internal sealed record IndexName(string Name) : Index
    {
        public override int Evaluate(IReadOnlyDictionary<string, int> values, Func<string, Exception> unknown) =>
            values.TryGetValue(Name, out var v) ? v : throw unknown(Name);

        public override string ToString() => Name;
    }

    internal sealed record IndexBinary(char Op, Index Left, Index Right) : Index
    {
        public override int Evaluate(IReadOnlyDictionary<string, int> values, Func<string, Exception> unknown)
        {
            int a = Left.Evaluate(values, unknown), b = Right.Evaluate(values, unknown);
            return Op switch { '+' => a + b, '-' => a - b, _ => a * b };
        }

        public override string ToString() => $"{Left}{Op}{Right}";
    }
}
