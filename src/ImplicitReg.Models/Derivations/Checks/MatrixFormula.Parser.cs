using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Derivations.Checks;

public sealed partial class MatrixFormula
{
    // Hand-written recursive descent: the language is six operators, names and W[a:b] ranges, and the kernel's
    // parser works on scalar expressions, not matrices (no served library parses this notation).
    private sealed class ParserState(string text)
    {
        private int _pos;

        public Node Parse()
        {
            var node = Sum();
            SkipSpace();
            if (_pos < text.Length) throw Error("unexpected text");
            return node;
        }

        private FormulaException Error(string what) => new($"{what} at column {_pos + 1} of '{text}'", _pos + 1);

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        private bool Eat(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, token, 0, token.Length) != 0) return false;
            _pos += token.Length;
            return true;
        }

        private Node Sum()
        {
            var v = Product();
            while (true)
            {
                if (Eat("+")) v = new BinaryNode('+', v, Product());
                else if (Eat("-")) v = new BinaryNode('-', v, Product());
                else return v;
            }
        }

        private Node Product()
        {
            var v = Unary();
            while (true)
            {
                if (Eat("*")) v = new BinaryNode('*', v, Unary());
                else if (Eat("/")) v = new BinaryNode('/', v, Unary());
                else return v;
            }
        }

        private Node Unary() => Eat("-") ? new NegateNode(Unary()) : Postfix();

        private Node Postfix()
        {
            var v = Primary();
            while (Eat("^T")) v = new TransposeNode(v);
            return v;
        }

        private Node Primary()
        {
            SkipSpace();
            if (Eat("("))
            {
                var v = Sum();
                if (!Eat(")")) throw Error("expected ')'");
                return v;
            }
            int start = _pos;
            if (_pos < text.Length && char.IsDigit(text[_pos]))
            {
                while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.')) _pos++;
                return new NumberNode(Rational.Parse(text[start.._pos]));
            }
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            if (_pos == start) throw Error("expected a name, a number or '('");
            var name = text[start.._pos];
            if (_pos < text.Length && text[_pos] == '[')
            {
                if (name != LayerPrefix) throw Error($"only the layers W[a] and W[a:b] take brackets, not '{name}'");
                _pos++;
                var from = IndexSum();
                Index? to = Eat(":") ? IndexSum() : null;
                if (!Eat("]")) throw Error("expected ']' (a layer is W[a], a product W[a:b] = W_a*...*W_b)");
                return new LayerNode(from, to);
            }
            return new NameNode(name);
        }

        private Index IndexSum()
        {
            var v = IndexProduct();
            while (true)
            {
                if (Eat("+")) v = new IndexBinary('+', v, IndexProduct());
                else if (Eat("-")) v = new IndexBinary('-', v, IndexProduct());
                else return v;
            }
        }

        private Index IndexProduct()
        {
            var v = IndexAtom();
            while (Eat("*")) v = new IndexBinary('*', v, IndexAtom());
            return v;
        }

        private Index IndexAtom()
        {
            SkipSpace();
            if (Eat("("))
            {
                var v = IndexSum();
                if (!Eat(")")) throw Error("expected ')' in a layer index");
                return v;
            }
            int start = _pos;
            if (_pos < text.Length && char.IsDigit(text[_pos]))
            {
                while (_pos < text.Length && char.IsDigit(text[_pos])) _pos++;
                return new IndexNumber(int.Parse(text[start.._pos], System.Globalization.CultureInfo.InvariantCulture));
            }
            while (_pos < text.Length && char.IsLetter(text[_pos])) _pos++;
            if (_pos == start) throw Error("expected an integer index (a number, j or N)");
            return new IndexName(text[start.._pos]);
        }
    }
}

/// <summary>A formula that does not parse or evaluate, with the 1-based column where parsing stopped (0 if none).</summary>
public sealed class FormulaException(string message, int column = 0) : ArgumentException(message)
{
    /// <summary>The 1-based column in the formula text, or 0 when the error is not at one place.</summary>
    public int Column { get; } = column;
}
