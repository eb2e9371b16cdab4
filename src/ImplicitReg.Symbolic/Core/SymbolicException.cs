namespace ImplicitReg.Symbolic.Core;

/// <summary>A mathematical error in a symbolic operation (division by zero, unbound symbol, ...).</summary>
public class SymbolicException(string message) : Exception(message);

/// <summary>A request the kernel refuses because it would exhaust time or memory (e.g. expanding <c>x^1000000</c>).</summary>
public sealed class SymbolicLimitException(string message) : SymbolicException(message);

/// <summary>
/// A term with no real value wherever it is built: a power of zero with a negative exponent (a denominator that
/// is 0 as an expression) or the logarithm of a non-positive number. Callers that rewrite a statement by
/// substitution (a sign case of an absolute value, a symbol eliminated by an equation) catch it to learn that the
/// rewritten statement is nowhere defined, which is a fact about the statement rather than an internal error.
/// </summary>
public sealed class UndefinedTermException(string message) : SymbolicException(message);
