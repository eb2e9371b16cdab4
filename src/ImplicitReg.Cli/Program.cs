using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli;

/// <summary>Entry point of <c>implicitreg</c>: wires the console to <see cref="CliHost"/>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl-C asks the running verb to stop cleanly and keep what it wrote.
            e.Cancel = true;
            cancel.Cancel();
        };
        var io = new CliIO(Console.In, Console.Out, Console.Error, cancel.Token, isInteractive: !Console.IsErrorRedirected);
        return CliHost.Run(args, io);
    }
}
