namespace OrleansCalendar.LoadTest;

/// <summary>Command-line settings; every run is bounded by <see cref="Duration"/> per scenario.</summary>
internal sealed record LoadOptions(int Concurrency, TimeSpan Warmup, TimeSpan Duration, int BusyIntervals, string? Output)
{
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(32, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 500, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--concurrency" => options with { Concurrency = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
                "--busy" => options with { BusyIntervals = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--out" => options with { Output = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --concurrency N --seconds S --busy N --out FILE"),
            };
        }

        return options;
    }
}
