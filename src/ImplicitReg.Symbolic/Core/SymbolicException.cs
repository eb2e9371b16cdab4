namespace ImplicitReg.Symbolic.Core;

/// <summary>A mathematical error in a symbolic operation (division by zero, unbound symbol, ...).</summary>
public class SymbolicException(string message) : Exception(message);

/// <summary>A request the kernel refuses because it would exhaust time or memory (e.g. expanding <c>x^1000000</c>).</summary>
public sealed class SymbolicLimitException(string message) : SymbolicException(message);
