using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Numerics.Compilation;

/// <summary>Where a compiled expression reads a symbol from: the time argument, a state slot or a parameter slot.</summary>
public enum SymbolSource
{
    /// <summary>The time argument.</summary>
    Time,
    /// <summary>A slot of the state vector.</summary>
    State,
    /// <summary>A slot of the parameter vector.</summary>
    Parameter,
}

/// <summary>
/// The binding of symbols to the arguments of a compiled evaluator: an optional time symbol, the state
/// variables in slot order and the parameters in slot order. Every free symbol of a compiled expression
/// must be bound; a symbol may be bound only once.
/// </summary>
public sealed class SymbolLayout
{
    private readonly Dictionary<Sym, (SymbolSource Source, int Index)> _map = new();

    /// <summary>Binds <paramref name="state"/>, the optional <paramref name="time"/> symbol and <paramref name="parameters"/>; a symbol bound twice is a <see cref="CompilationException"/>.</summary>
    public SymbolLayout(IReadOnlyList<Sym> state, Sym? time = null, IReadOnlyList<Sym>? parameters = null)
    {
        State = state;
        Time = time;
        Parameters = parameters ?? [];
        if (time is not null) Bind(time, SymbolSource.Time, 0);
        for (int i = 0; i < state.Count; i++) Bind(state[i], SymbolSource.State, i);
        for (int i = 0; i < Parameters.Count; i++) Bind(Parameters[i], SymbolSource.Parameter, i);
    }

    /// <summary>The time symbol, if any.</summary>
    public Sym? Time { get; }
    /// <summary>The state variables in slot order.</summary>
    public IReadOnlyList<Sym> State { get; }
    /// <summary>The parameters in slot order.</summary>
    public IReadOnlyList<Sym> Parameters { get; }

    private void Bind(Sym s, SymbolSource source, int index)
    {
        if (!_map.TryAdd(s, (source, index)))
            throw new CompilationException($"symbol '{s.Name}' is bound twice (as {_map[s].Source} and {source})");
    }

    /// <summary>Where <paramref name="s"/> is read from; false (index −1) when it is not bound.</summary>
    public bool TryResolve(Sym s, out SymbolSource source, out int index)
    {
        if (_map.TryGetValue(s, out var slot))
        {
            (source, index) = slot;
            return true;
        }
        (source, index) = (default, -1);
        return false;
    }
}

/// <summary>An expression cannot be compiled (unbound symbol, statement, size limit).</summary>
public sealed class CompilationException(string message) : Exception(message);
