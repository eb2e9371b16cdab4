namespace ImplicitReg.Symbolic.Core;

/// <summary>
/// The one total order on canonical expressions, used to sort the operands of sums and products so
/// that equal expressions have equal storage. (Printers choose their own display order.)
/// </summary>
public static class ExprOrder
{
    private static int Rank(Expr e) => e switch
    {
        Num => 0,
        Sym => 1,
        Pow => 2,
        Mul => 3,
        Add => 4,
        Call => 5,
        Rel => 6,
        Not => 7,
        Logic => 8,
        Implies => 9,
        BoolConst => 10,
        _ => 11,
    };

    /// <summary>Compares two expressions in storage order: negative, zero or positive.</summary>
    public static int Compare(Expr a, Expr b)
    {
        if (ReferenceEquals(a, b)) return 0;
        int ra = Rank(a), rb = Rank(b);
        if (ra != rb) return ra.CompareTo(rb);
        switch (a)
        {
            case Num na: return na.Value.CompareTo(((Num)b).Value);
            case Sym sa: return CompareNames(sa.Name, ((Sym)b).Name);
            case Pow pa:
            {
                var pb = (Pow)b;
                int c = Compare(pa.Base, pb.Base);
                return c != 0 ? c : Compare(pa.Exponent, pb.Exponent);
            }
            case Mul ma: return CompareLists(ma.Span, ((Mul)b).Span);
            case Add aa: return CompareLists(aa.Span, ((Add)b).Span);
            case Call ca:
            {
                var cb = (Call)b;
                return ca.Function != cb.Function ? ca.Function.CompareTo(cb.Function) : Compare(ca.Argument, cb.Argument);
            }
            case Rel rla:
            {
                var rlb = (Rel)b;
                if (rla.Op != rlb.Op) return rla.Op.CompareTo(rlb.Op);
                int c = Compare(rla.Left, rlb.Left);
                return c != 0 ? c : Compare(rla.Right, rlb.Right);
            }
            case Not nt: return Compare(nt.Operand, ((Not)b).Operand);
            case Logic la:
            {
                var lb = (Logic)b;
                return la.Op != lb.Op ? la.Op.CompareTo(lb.Op) : CompareLists(la.Operands.ToArray(), lb.Operands.ToArray());
            }
            case Implies ia:
            {
                var ib = (Implies)b;
                int c = Compare(ia.Premise, ib.Premise);
                return c != 0 ? c : Compare(ia.Conclusion, ib.Conclusion);
            }
            case BoolConst ba: return ba.Value.CompareTo(((BoolConst)b).Value);
            default: return 0;
        }
    }

    private static int CompareLists(ReadOnlySpan<Expr> a, ReadOnlySpan<Expr> b)
    {
        // Compare from the last (most significant, after the coefficient) operand backwards, then by length.
        int n = Math.Min(a.Length, b.Length);
        for (int i = 1; i <= n; i++)
        {
            int c = Compare(a[^i], b[^i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Natural order of names: <c>W2[1,10]</c> after <c>W2[1,9]</c>, <c>x2</c> before <c>x10</c>.</summary>
    public static int CompareNames(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                int si = i, sj = j;
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                var da = a.AsSpan(si, i - si).TrimStart('0');
                var db = b.AsSpan(sj, j - sj).TrimStart('0');
                if (da.Length != db.Length) return da.Length.CompareTo(db.Length);
                int c = da.SequenceCompareTo(db);
                if (c != 0) return c;
                c = (i - si).CompareTo(j - sj);
                if (c != 0) return c;
                continue;
            }
            if (a[i] != b[j]) return a[i].CompareTo(b[j]);
            i++;
            j++;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }
}
