using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/OrleansCalendar.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
