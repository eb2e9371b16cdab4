using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>
/// <c>expr eval &lt;e&gt; --at "x=1/2, y=3"</c>: the exact rational value when the kernel finds one, otherwise
/// a double-precision decimal, and the output says which. <c>--numeric</c> always evaluates in double
/// precision. A statement evaluates to true or false.
/// </summary>
internal static class ExprEval
{
    public static int Run(ExprCommand c)
    {
        var format = c.Format();
        bool numeric = c.Get(c.Options.Numeric);
        var at = c.Get(c.Options.At)!;
        c.ExpectOperands("expression");
        var point = PointParser.Parse(at);
        var e = c.Read(0);

        var free = Algebra.FreeSymbols(e);
        var missing = free.Where(s => !point.ContainsKey(s)).Select(s => s.Name).ToList();
        if (missing.Count > 0)
            throw new CliUsageException($"no value for {string.Join(", ", missing)}: add {(missing.Count == 1 ? "it" : "them")} to --at, e.g. --at \"{missing[0]}=1\"");
        foreach (var unused in point.Keys.Where(s => !free.Contains(s)))
            c.IO.Err.WriteLine($"note: --at gives a value for {unused.Name}, which does not occur in the expression");

        Expr? exact = null;
        try
        {
            if (!numeric) exact = Algebra.Substitute(e, point.ToDictionary(kv => (Expr)kv.Key, kv => kv.Value));
        }
        catch (Exception ex) when (ex is SymbolicException or DivideByZeroException)
        {
            throw new SymbolicException($"{ex.Message}, at {string.Join(", ", point.Select(kv => $"{kv.Key.Name} = {kv.Value}"))}");
        }
        // The canonical form may be defined where the input, as written, is not (x^(1/2)*x^(1/2) is x): every value
        // printed below is refused at those points (after the evaluation's own errors, which say more).
        var byName = point.ToDictionary(kv => kv.Key.Name, kv => kv.Value);
        void RequireDefinedAsWritten()
        {
            if (c.Domain.FirstOrDefault(d => !Algebra.HoldsAt(d, byName)) is { } violated)
                throw new SymbolicException($"not defined at {string.Join(", ", point.Select(kv => $"{kv.Key.Name} = {kv.Value}"))} as written: it needs {violated}");
        }
        if (exact is Num or BoolConst)
        {
            RequireDefinedAsWritten();
            Write(c, format, format.Render(exact), "exact");
            return ExitCodes.Ok;
        }
        if (exact is Statement s && ExactTruth(s) is { } truth)
        {
            RequireDefinedAsWritten();
            Write(c, format, format.Render(truth ? BoolConst.True : BoolConst.False), "exact");
            return ExitCodes.Ok;
        }

        var env = point.ToDictionary(kv => kv.Key.Name, kv => Finite(Algebra.Evaluate(kv.Value, new Dictionary<string, double>()), kv.Key.Name));
        var why = numeric ? "decimal, double precision" : $"decimal; exact form: {ExprCommand.Shorten(exact!)}";
        if (e is Statement)
        {
            var value = Algebra.Truth(e, env);
            RequireDefinedAsWritten();
            Write(c, format, format.Render(value ? BoolConst.True : BoolConst.False), why);
            return ExitCodes.Ok;
        }
        var d = Algebra.Evaluate(e, env);
        if (double.IsNaN(d))
            throw new SymbolicException("the value at this point is not a real number (a log, root or power of a negative number)");
        if (double.IsInfinity(d))
            throw new SymbolicException("the value at this point is infinite in double precision (a division by zero or an overflow)");
        RequireDefinedAsWritten();
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        Write(c, format, format switch
        {
            ExprFormat.Json => $"{{\"type\":\"decimal\",\"value\":\"{text}\"}}",
            ExprFormat.MathML => $"<math xmlns=\"{Symbolic.Printing.MathMLPrinter.Namespace}\"><mn>{text}</mn></math>",
            _ => text,
        }, why);
        return ExitCodes.Ok;
    }

    /// <summary>Text output carries the kind in parentheses; other notations stay pure and note it on stderr.</summary>
    private static void Write(ExprCommand c, ExprFormat format, string value, string kind)
    {
        if (format == ExprFormat.Text)
        {
            c.WriteLine($"{value} ({kind})");
            return;
        }
        c.WriteLine(value);
        if (kind != "exact") c.IO.Err.WriteLine($"note: {kind}");
    }

    private static double Finite(double v, string name) =>
        double.IsFinite(v) ? v : throw new SymbolicException($"the value given for {name} is not a finite real number");

    /// <summary>The truth of a statement whose relations compare exact numbers, or null when one does not.</summary>
    private static bool? ExactTruth(Statement s)
    {
        switch (s)
        {
            case BoolConst b:
                return b.Value;
            case Rel { Left: Num l, Right: Num r } rel:
                return Algebra.Compare(rel.Op, l.Value, r.Value);
            case Not n:
                return !ExactTruth((Statement)n.Operand);
            case Logic l:
            {
                var values = l.Operands.Select(o => ExactTruth((Statement)o)).ToList();
                if (values.Any(v => v is null)) return null;
                return l.Op == LogicOp.And ? values.All(v => v!.Value) : values.Any(v => v!.Value);
            }
            case Implies i:
            {
                var (p, q) = (ExactTruth((Statement)i.Premise), ExactTruth((Statement)i.Conclusion));
                return p is null || q is null ? null : !p.Value || q.Value;
            }
            default:
                return null;
        }
    }
}
