namespace ImplicitReg.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        var all = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        if (args.Length == 0 || args[0] is "--help" or "-h" or "--list")
        {
            Console.WriteLine("usage: bench/run.sh <name> [options]   (or 'all')");
            foreach (var b in all) Console.WriteLine($"  {b.Name,-20} {b.Description}");
            return args.Length == 0 ? 2 : 0;
        }
        var selected = args[0] == "all" ? all : all.Where(b => b.Name == args[0]).ToList();
        if (selected.Count == 0)
        {
            Console.Error.WriteLine($"unknown benchmark '{args[0]}'; known: {string.Join(", ", all.Select(b => b.Name))}");
            return 2;
        }
        int status = 0;
        // Every benchmark's figures belong to a machine: its CPU model, instruction sets, load and backend come first.
        Benchmarks.MachineInfo.Write(Console.Out);
        foreach (var b in selected) status = Math.Max(status, b.Run(args[1..], Console.Out));
        return status;
    }
}
