using System.Runtime.ExceptionServices;

namespace ImplicitReg.Symbolic.Tests.Parsing;

/// <summary>
/// Runs code on a thread with a 1 MB stack, the default for threads a library user creates, so a test
/// proves deep input is handled there (the test runner's own threads may have more).
/// </summary>
internal static class SmallStack
{
    public const int Bytes = 1024 * 1024;

    public static T Run<T>(Func<T> body)
    {
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
        }, Bytes);
        thread.Start();
        thread.Join();
        error?.Throw();
        return result;
    }

    public static void Run(Action body) => Run(() =>
    {
        body();
        return 0;
    });
}
