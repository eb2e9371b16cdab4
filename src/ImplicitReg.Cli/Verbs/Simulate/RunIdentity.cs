namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// What names a <c>simulate</c> run wherever it is reported: the CSV comment line, the JSON object and the text
/// report all begin with the model, the seed, the problem and the loss scale.
/// </summary>
internal sealed record RunIdentity(string Model, int Seed, string Problem, string Loss);
