using System.Globalization;

namespace OrleansCalendar.LoadTest;

/// <summary>Settings of the scale scenario: how many integrations, how many imported events each.</summary>
internal sealed record ScaleOptions(int Integrations, int Events, string? Output)
{
    public static ScaleOptions Parse(string[] args)
    {
        var options = new ScaleOptions(10_000, 200, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--integrations" => options with { Integrations = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--events" => options with { Events = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--out" => options with { Output = args[i + 1] },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --integrations N --events N --out FILE"),
            };
        }

        return options;
    }
}
