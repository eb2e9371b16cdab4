using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// Published matrix formulas written in the toolkit's syntax, so the comparison target of a derivation is data,
/// not code: names bound to matrices (<c>G</c>, <c>X</c>) or scalars (<c>kappa</c>), the layers of a deep
/// factorization as <c>W[a]</c> and products <c>W[a:b]</c> = W_a ⋯ W_b (the empty product <c>W[a:a+1]</c> is the
/// identity of size d_a), with integer indices over bound names such as <c>j</c> and <c>N</c>; exact numbers,
/// <c>+ - *</c>, <c>/</c> by a scalar, parentheses and the postfix transpose <c>^T</c>.
/// </summary>
/// <example><c>MatrixFormula.Parse("-(W[N:j+1])^T*G*(W[j-1:1])^T")</c> is the published layer flow of M1.</example>
public sealed partial class MatrixFormula
{
    /// <summary>The name that takes layer indices: <c>W[a]</c>, <c>W[a:b]</c>.</summary>
    public const string LayerPrefix = "W";

    private MatrixFormula(string text, Node root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>The formula as written.</summary>
    public string Text { get; }

    internal Node Root { get; }

    /// <summary>Parses a formula; a syntax error is a <see cref="FormulaException"/> naming the column.</summary>
    public static MatrixFormula Parse(string text) => new(text, new ParserState(text).Parse());

    /// <summary>Evaluates <paramref name="formula"/>; names are looked up in the two binding tables.</summary>
    public static Expr[,] Evaluate(string formula, IReadOnlyDictionary<string, Expr[,]> matrices, IReadOnlyDictionary<string, Expr>? scalars = null) =>
        Parse(formula).EvaluateMatrix(new FormulaBindings { Matrices = matrices, Scalars = scalars ?? FormulaBindings.NoScalars });

    /// <summary>The formula's value, which must be a matrix.</summary>
    public Expr[,] EvaluateMatrix(FormulaBindings bindings) =>
        Eval(Root, bindings).Matrix ?? throw new FormulaException($"'{Text}' is a scalar, not a matrix");

    /// <summary>
    /// Checks, without evaluating anything, that the formula uses only <paramref name="names"/> (matrices and scalars),
    /// the layer indices <paramref name="indices"/>, and the layers <c>W[...]</c> only when <paramref name="layers"/>:
    /// the same <see cref="FormulaException"/> as evaluation with those bindings, known before any size is chosen.
    /// </summary>
    public void RequireNames(IReadOnlyCollection<string> names, IReadOnlyCollection<string> indices, bool layers)
    {
        var known = string.Join(", ", layers ? names.Append(LayerPrefix + "[a:b]") : names);
        void Walk(Node node)
        {
            switch (node)
            {
                case NameNode n when !names.Contains(n.Name):
                    throw new FormulaException($"unknown name '{n.Name}' in '{Text}'; known: {known}");
                case LayerNode when !layers:
                    throw new FormulaException($"'{Text}' uses the layers W[...], which this derivation does not bind");
                case LayerNode l:
                    l.From.Evaluate(indices.ToDictionary(i => i, _ => 0), Unknown);
                    l.To?.Evaluate(indices.ToDictionary(i => i, _ => 0), Unknown);
                    break;
                case TransposeNode t: Walk(t.Inner); break;
                case NegateNode n: Walk(n.Inner); break;
                case BinaryNode b: Walk(b.Left); Walk(b.Right); break;
            }
        }
        FormulaException Unknown(string n) => new($"unknown index '{n}' in '{Text}'; known: {string.Join(", ", indices)}");
        Walk(Root);
    }

    /// <summary>
    /// The formula with its indices evaluated where they are bound, for display: <c>W[3:2]</c> becomes <c>W3*W2</c>,
    /// an empty product disappears from a product, an unbound index stays symbolic (<c>W(j+1)</c>).
    /// </summary>
    public string Render(IReadOnlyDictionary<string, int>? indices = null) =>
        Show(Root, indices ?? FormulaBindings.NoIndices) ?? "I";

    /// <summary>A value of the formula language: a matrix, or a scalar when <see cref="Matrix"/> is null.</summary>
    private sealed record Value(Expr[,]? Matrix, Expr Scalar)
    {
        public static Value Of(Expr[,] m) => new(m, Expr.Zero);

        public static Value Of(Expr s) => new(null, s);
    }

    private Value Eval(Node node, FormulaBindings b) => node switch
    {
        NumberNode n => Value.Of(Num.Of(n.Value)),
        NameNode n => b.Matrices.TryGetValue(n.Name, out var m) ? Value.Of(m)
            : b.Scalars.TryGetValue(n.Name, out var s) ? Value.Of(s)
            : throw new FormulaException($"unknown name '{n.Name}' in '{Text}'; known: {string.Join(", ", b.Matrices.Keys.Concat(b.Scalars.Keys).Append(LayerPrefix + "[a:b]"))}"),
        LayerNode l => Value.Of(Layers(l, b)),
        TransposeNode t => Eval(t.Inner, b) is { Matrix: { } m } ? Value.Of(ExprMatrices.Transpose(m)) : Eval(t.Inner, b),
        NegateNode n => Multiply(Value.Of(Expr.MinusOne), Eval(n.Inner, b)),
        BinaryNode { Op: '*' } x => Multiply(Eval(x.Left, b), Eval(x.Right, b)),
        BinaryNode { Op: '/' } x => Eval(x.Right, b) is { Matrix: null } d
            ? Multiply(Eval(x.Left, b), Value.Of(Expr.Pow(d.Scalar, Expr.MinusOne)))
            : throw new FormulaException($"division by a matrix in '{Text}'"),
        BinaryNode x => Combine(Eval(x.Left, b), Eval(x.Right, b), x.Op == '+'),
        _ => throw new InvalidOperationException(node.ToString()),
    };

    private Expr[,] Layers(LayerNode l, FormulaBindings b)
    {
        var model = b.Layers ?? throw new FormulaException($"'{Text}' uses the layers W[...], which this derivation does not bind");
        var (from, to) = Range(l, b.Indices);
        if (to == from + 1 && from >= 0 && from <= model.Depth) return ExprMatrices.Identity(model.Dims[from]); // empty product: identity of size d_from
        if (from < 1 || to < 1 || from > model.Depth || to > from)
            throw new FormulaException($"W[{l.From}{(l.To is null ? "" : ":" + l.To)}] is W[{from}:{to}], outside the layers 1..{model.Depth} (W[a:b] needs a >= b, or a = b - 1 for the identity) in '{Text}'");
        // W_a·…·W_b multiplied as written (entries not expanded), as a reader of the formula would.
        var product = model.Layer(from);
        for (int k = from - 1; k >= to; k--) product = ExprMatrices.Product(product, model.Layer(k));
        return product;
    }

    private (int From, int To) Range(LayerNode l, IReadOnlyDictionary<string, int> indices)
    {
        FormulaException Unknown(string n) => new($"unknown index '{n}' in '{Text}'; known: {string.Join(", ", indices.Keys)}");
        int from = l.From.Evaluate(indices, Unknown);
        return (from, l.To is null ? from : l.To.Evaluate(indices, Unknown));
    }

    private Value Multiply(Value a, Value b) => (a.Matrix, b.Matrix) switch
    {
        (null, null) => Value.Of(a.Scalar * b.Scalar),
        (null, { } mb) => Value.Of(ExprMatrices.Scale(a.Scalar, mb)),
        ({ } ma, null) => Value.Of(ExprMatrices.Scale(b.Scalar, ma)),
        ({ } ma, { } mb) when ExprMatrices.Cols(ma) == ExprMatrices.Rows(mb) => Value.Of(ExprMatrices.Product(ma, mb)),
        ({ } ma, { } mb) => throw new FormulaException(
            $"cannot multiply a {ExprMatrices.Rows(ma)}x{ExprMatrices.Cols(ma)} matrix by a {ExprMatrices.Rows(mb)}x{ExprMatrices.Cols(mb)} one in '{Text}'"),
    };

    private Value Combine(Value a, Value b, bool add)
    {
        if (a.Matrix is null && b.Matrix is null) return Value.Of(add ? a.Scalar + b.Scalar : a.Scalar - b.Scalar);
        if (a.Matrix is null || b.Matrix is null) throw new FormulaException($"cannot add a scalar and a matrix in '{Text}'");
        if (ExprMatrices.Rows(a.Matrix) != ExprMatrices.Rows(b.Matrix) || ExprMatrices.Cols(a.Matrix) != ExprMatrices.Cols(b.Matrix))
            throw new FormulaException($"cannot add a {ExprMatrices.Rows(a.Matrix)}x{ExprMatrices.Cols(a.Matrix)} matrix and a {ExprMatrices.Rows(b.Matrix)}x{ExprMatrices.Cols(b.Matrix)} one in '{Text}'");
        return Value.Of(add ? ExprMatrices.Add(a.Matrix, b.Matrix) : ExprMatrices.Subtract(a.Matrix, b.Matrix));
    }

    // Display: null stands for an identity (an empty product), which a product drops.
    private static string? Show(Node node, IReadOnlyDictionary<string, int> indices)
    {
        switch (node)
        {
            case NumberNode n: return n.Value.ToString();
            case NameNode n: return n.Name;
            case LayerNode l: return ShowLayers(l, indices);
            case TransposeNode t:
            {
                var inner = Show(t.Inner, indices);
                if (inner is null) return null;
                return t.Inner is BinaryNode or NegateNode || (t.Inner is LayerNode && inner.Contains('*')) ? $"({inner})^T" : inner + "^T";
            }
            case NegateNode n:
                return "-" + (Show(n.Inner, indices) is { } s ? (n.Inner is BinaryNode { Op: '+' or '-' } ? $"({s})" : s) : "");
            case BinaryNode { Op: '*' or '/' } x:
            {
                string? l = Operand(x.Left, indices), r = Operand(x.Right, indices);
                if (l is null || r is null) return l ?? r;
                return l == "-" ? "-" + r : $"{l}{x.Op}{r}";
            }
            case BinaryNode x:
                return $"{Show(x.Left, indices) ?? "I"} {x.Op} {(x.Right is BinaryNode { Op: '+' or '-' } ? $"({Show(x.Right, indices)})" : Show(x.Right, indices) ?? "I")}";
            default:
                throw new InvalidOperationException(node.ToString());
        }
    }

    private static string? Operand(Node node, IReadOnlyDictionary<string, int> indices) =>
        Show(node, indices) is { } s && node is BinaryNode { Op: '+' or '-' } ? $"({s})" : Show(node, indices);

    private static string? ShowLayers(LayerNode l, IReadOnlyDictionary<string, int> indices)
    {
        static FormulaException Unbound(string n) => new(n);
        try
        {
            int from = l.From.Evaluate(indices, Unbound);
            int to = l.To is null ? from : l.To.Evaluate(indices, Unbound);
            if (to > from) return null;
            return string.Join("*", Enumerable.Range(to, from - to + 1).Reverse().Select(k => $"{LayerPrefix}{k}"));
        }
        catch (FormulaException)
        {
            static string Symbolic(Index i) => i is IndexBinary ? $"({i})" : i.ToString()!;
            return l.To is null ? LayerPrefix + Symbolic(l.From) : $"{LayerPrefix}{Symbolic(l.From)}*...*{LayerPrefix}{Symbolic(l.To)}";
        }
    }
}

/// <summary>What a <see cref="MatrixFormula"/>'s names stand for.</summary>
public sealed record FormulaBindings
{
    internal static readonly IReadOnlyDictionary<string, Expr> NoScalars = new Dictionary<string, Expr>();
    internal static readonly IReadOnlyDictionary<string, int> NoIndices = new Dictionary<string, int>();

    /// <summary>Names bound to matrices.</summary>
    public IReadOnlyDictionary<string, Expr[,]> Matrices { get; init; } = new Dictionary<string, Expr[,]>();

    /// <summary>Names bound to scalar expressions.</summary>
    public IReadOnlyDictionary<string, Expr> Scalars { get; init; } = NoScalars;

    /// <summary>Integer names usable in layer indices (<c>j</c>, <c>N</c>).</summary>
    public IReadOnlyDictionary<string, int> Indices { get; init; } = NoIndices;

    /// <summary>The factorization whose layers <c>W[a]</c> and products <c>W[a:b]</c> stand for, if any.</summary>
    public DeepMatrixFactorization? Layers { get; init; }
}
