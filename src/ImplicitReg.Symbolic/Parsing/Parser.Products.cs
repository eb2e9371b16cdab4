using System.Runtime.InteropServices;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Parsing;

public sealed partial class Parser
{
    /// <summary>Longest run of factors read as one product by <see cref="TryReadProduct"/>; longer runs take the general path.</summary>
    private const int MaxRunFactors = 16;

    private readonly List<Expr> _runSymbols = new(MaxRunFactors);
    private readonly List<string> _runNumbers = [];

    /// <summary>
    /// The fast path for the bulk of expanded text: a term <c>[-] a*b*…*z</c> of numbers and distinct symbols that
    /// ends at <c>+</c>, <c>-</c>, <c>)</c> or the end of input, where an operator looser than <c>*</c> (or none, or
    /// an open parenthesis) waits. Such a term is built as one canonical product at once, instead of one operand,
    /// one pending operator and one product group per factor. Anything else (a power, a division, a call, a
    /// repeated symbol, a syntax error) goes back to where the term started and takes the general path, which
    /// builds the same expression and reports errors as always. Returns true when the term was read.
    /// </summary>
    private bool TryReadProduct(Token first)
    {
        if (_ops.Count > 0 && !IsBarrier(_ops[^1].Kind) && PrecedenceOf(_ops[^1].Kind) >= PrecedenceOf(OpKind.Mul)) return false;
        var (current, previous, mark) = (_current, _previous, _lexer.Mark);
        bool negative = first.Kind == TokenKind.Operator;
        _runSymbols.Clear();
        _runNumbers.Clear();
        try
        {
            if (negative) Advance();
            return ReadRun(first, negative) || GiveUp();
        }
        catch (ParseException)
        {
            // A lexical error met while reading ahead: the general path reaches it in its own order and reports
            // the error it finds first.
            return GiveUp();
        }

        bool GiveUp()
        {
            (_current, _previous) = (current, previous);
            _lexer.Restore(mark);
            return false;
        }
    }

    /// <summary>Reads the run of <see cref="TryReadProduct"/>; false (position not restored) when the term does not qualify.</summary>
    private bool ReadRun(Token first, bool negative)
    {
        var coefficient = negative ? Rational.MinusOne : Rational.One;
        int factors = 0;
        while (true)
        {
            var t = _current;
            if (t.Kind == TokenKind.Identifier && t.Symbol is { } s && !IsReserved(t.Text))
            {
                foreach (var seen in _runSymbols)
                    if (seen.Equals(s)) return false; // x*x is x^2: the general path collects powers
                _runSymbols.Add(s);
            }
            else if (t.Kind == TokenKind.Number) _runNumbers.Add(t.Text); // converted once the term is known to qualify
            else return false;
            Advance();
            if (++factors > MaxRunFactors) return false;
            if (_current is { Kind: TokenKind.Operator, Text: "*" }) Advance();
            else break;
        }
        var end = _current;
        bool ends = end.Kind is TokenKind.End or TokenKind.RightParen || end is { Kind: TokenKind.Operator, Text: "+" or "-" };
        if (!ends || factors < 2 || _runSymbols.Count < 2) return false;
        foreach (var number in _runNumbers)
        {
            if (!NumberLiteral.TryParse(number, out var value, out _)) return false;
            coefficient *= value;
        }
        if (coefficient.IsZero) return false;

        // A term after a binary '-' takes the sign into its coefficient and the '-' becomes a '+': a - b*c is
        // a + (-1)*b*c either way, without building b*c first and negating it afterwards.
        if (_ops.Count > 0 && _ops[^1].Kind == OpKind.Sub && _operands.Count > 0)
        {
            _ops[^1] = _ops[^1] with { Kind = OpKind.Add };
            coefficient = -coefficient;
        }
        var product = Expr.ProductOfDistinct(coefficient, CollectionsMarshal.AsSpan(_runSymbols));
        // The general path counts the unary minus as one more level: -a*b is (-a)*b.
        _operands.Add(new Operand(product, first.Offset, negative ? 3 : 2));
        return true;
    }
}
