using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// Published matrix formulas written in the toolkit's syntax, so the comparison target of a derivation is a
/// readable line, not code: names bound to matrices (<c>W2</c>, <c>G</c>, <c>X</c>) or scalars (<c>kappa</c>),
/// exact numbers, <c>+ - *</c>, <c>/</c> by a scalar, parentheses and the postfix transpose <c>^T</c>.
/// </summary>
/// <example><c>MatrixFormula.Evaluate("-(W3*W2)^T*G", bindings)</c> is −(W₃W₂)ᵀG.</example>
public static class MatrixFormula
{
    /// <summary>A value of the formula language: a matrix, or a scalar when <see cref="Matrix"/> is null.</summary>
    private sealed record Value(Expr[,]? Matrix, Expr Scalar)
    {
        public static Value Of(Expr[,] m) => new(m, Expr.Zero);

        public static Value Of(Expr s) => new(null, s);
    }

    /// <summary>Evaluates <paramref name="formula"/>; names are looked up in the two binding tables.</summary>
    public static Expr[,] Evaluate(string formula, IReadOnlyDictionary<string, Expr[,]> matrices, IReadOnlyDictionary<string, Expr>? scalars = null)
    {
        var p = new ParserState(formula, matrices, scalars ?? new Dictionary<string, Expr>());
        var v = p.Sum();
        p.SkipSpace();
        if (p.Pos < formula.Length) throw p.Error("unexpected text");
        return v.Matrix ?? throw new ArgumentException($"'{formula}' is a scalar, not a matrix");
    }

    private sealed class ParserState(string text, IReadOnlyDictionary<string, Expr[,]> matrices, IReadOnlyDictionary<string, Expr> scalars)
    {
        public int Pos;

        public ArgumentException Error(string what) => new($"{what} at column {Pos + 1} of '{text}'");

        public void SkipSpace()
        {
            while (Pos < text.Length && char.IsWhiteSpace(text[Pos])) Pos++;
        }

        private bool Eat(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, Pos, token, 0, token.Length) != 0) return false;
            Pos += token.Length;
            return true;
        }

        public Value Sum()
        {
            var v = Product();
            while (true)
            {
                if (Eat("+")) v = Combine(v, Product(), ExprMatrices.Add, (a, b) => a + b);
                else if (Eat("-")) v = Combine(v, Product(), ExprMatrices.Subtract, (a, b) => a - b);
                else return v;
            }
        }

        private Value Product()
        {
            var v = Unary();
            while (true)
            {
                if (Eat("*")) v = Multiply(v, Unary());
                else if (Eat("/"))
                {
                    var d = Unary();
                    if (d.Matrix is not null) throw Error("division by a matrix");
                    v = Multiply(v, Value.Of(Expr.Pow(d.Scalar, Expr.MinusOne)));
                }
                else return v;
            }
        }

        private Value Unary() => Eat("-") ? Multiply(Value.Of(Expr.MinusOne), Unary()) : Postfix();

        private Value Postfix()
        {
            var v = Primary();
            while (Eat("^T"))
                v = v.Matrix is null ? v : Value.Of(ExprMatrices.Transpose(v.Matrix));
            return v;
        }

        private Value Primary()
        {
            SkipSpace();
            if (Eat("("))
            {
                var v = Sum();
                if (!Eat(")")) throw Error("expected ')'");
                return v;
            }
            int start = Pos;
            if (Pos < text.Length && char.IsDigit(text[Pos]))
            {
                while (Pos < text.Length && (char.IsDigit(text[Pos]) || text[Pos] == '.')) Pos++;
                return Value.Of(Num.Of(Rational.Parse(text[start..Pos])));
            }
            while (Pos < text.Length && (char.IsLetterOrDigit(text[Pos]) || text[Pos] == '_')) Pos++;
            if (Pos == start) throw Error("expected a name, a number or '('");
            var name = text[start..Pos];
            if (matrices.TryGetValue(name, out var m)) return Value.Of(m);
            if (scalars.TryGetValue(name, out var s)) return Value.Of(s);
            Pos = start;
            throw Error($"unknown name '{name}'");
        }

        private Value Multiply(Value a, Value b) => (a.Matrix, b.Matrix) switch
        {
            (null, null) => Value.Of(a.Scalar * b.Scalar),
            (null, { } mb) => Value.Of(ExprMatrices.Scale(a.Scalar, mb)),
            ({ } ma, null) => Value.Of(ExprMatrices.Scale(b.Scalar, ma)),
            ({ } ma, { } mb) => Value.Of(ExprMatrices.Product(ma, mb)),
        };

        private Value Combine(Value a, Value b, Func<Expr[,], Expr[,], Expr[,]> matrix, Func<Expr, Expr, Expr> scalar)
        {
            if (a.Matrix is null && b.Matrix is null) return Value.Of(scalar(a.Scalar, b.Scalar));
            if (a.Matrix is null || b.Matrix is null) throw Error("cannot add a scalar and a matrix");
            return Value.Of(matrix(a.Matrix, b.Matrix));
        }
    }
}
