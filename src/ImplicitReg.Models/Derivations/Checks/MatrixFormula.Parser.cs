using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Derivations.Checks;

public sealed partial class MatrixFormula
{
    // Hand-written recursive descent: the language is six operators, names and W[a:b] ranges, and the kernel's
    // parser works on scalar expressions, not matrices (no served library parses this notation).
    private sealed class ParserState(string text)
    {
        /// <summary>
        /// Longest formula and deepest nesting of parentheses and signs: a published formula is a line or two, and the
        /// parser and every walk over the tree recurse, so text nested thousands deep would overflow the stack, which
        /// no catch survives. The length bounds the depth of the longest chain of operators (each takes a character).
        /// </summary>
        public const int MaxLength = 2000, MaxNesting = 100;

        private int _pos;
        private int _nesting;

        public Node Parse()
        {
            if (text.Length > MaxLength) throw new FormulaException($"the formula has {text.Length} characters, more than {MaxLength}; a published formula is a line or two");
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

        private Node Unary()
        {
            if (!Eat("-")) return Postfix();
            Enter();
            var inner = Unary();
            _nesting--;
            return new NegateNode(inner);
        }

        private void Enter()
        {
            if (++_nesting > MaxNesting) throw Error($"nested deeper than {MaxNesting} levels of parentheses and signs; write it flatter");
        }

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
                Enter();
                var v = Sum();
                if (!Eat(")")) throw Error("expected ')'");
                _nesting--;
                return v;
            }
            int start = _pos;
            if (_pos < text.Length && char.IsDigit(text[_pos]))
            {
                while (_pos < text.Length && char.IsDigit(text[_pos])) _pos++;
                if (_pos < text.Length && text[_pos] == '.')
                    for (_pos++; _pos < text.Length && char.IsDigit(text[_pos]);) _pos++;
                return Rational.TryParse(text[start.._pos], out var number) ? new NumberNode(number) : throw Error($"'{text[start.._pos]}' is not a number");
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
                Enter();
                var v = IndexSum();
                if (!Eat(")")) throw Error("expected ')' in a layer index");
                _nesting--;
                return v;
            }
            int start = _pos;
            if (_pos < text.Length && char.IsDigit(text[_pos]))
            {
                while (_pos < text.Length && char.IsDigit(text[_pos])) _pos++;
                if (!int.TryParse(text[start.._pos], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index > 1000)
                    throw Error($"layer index {text[start.._pos]} is too large (a factorization has at most a few dozen layers)");
                return new IndexNumber(index);
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
