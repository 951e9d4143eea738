using System.Text.Json;

namespace Actinf.Core.Conformance;

/// <summary>Runs the cases of a component fixture: each names a function, its inputs and expected outputs.</summary>
internal static class ComponentFixture
{
    public static int Run(JsonElement root, FixtureComparer comparer)
    {
        int count = 0;
        foreach (JsonElement c in root.GetProperty("cases").EnumerateArray())
        {
            string fn = c.GetProperty("fn").GetString() ?? string.Empty;
            string label = c.TryGetProperty("case", out JsonElement l) && l.ValueKind == JsonValueKind.String ? $" '{l.GetString()}'" : string.Empty;
            string at = $"cases[{count}] {fn}{label}";
            double? atol = null;
            double? rtol = null;
            if (c.TryGetProperty("tolerance", out JsonElement tol) && tol.ValueKind == JsonValueKind.Object)
            {
                atol = tol.TryGetProperty("atol", out JsonElement a) ? a.GetDouble() : null;
                rtol = tol.TryGetProperty("rtol", out JsonElement r) ? r.GetDouble() : null;
            }

            try
            {
                var inputs = new FixtureInputs(c.GetProperty("inputs"), at);
                Dictionary<string, object> outputs = ComponentFunctions.Evaluate(fn, inputs);
                foreach (JsonProperty expected in c.GetProperty("outputs").EnumerateObject())
                {
                    if (!outputs.TryGetValue(expected.Name, out object? actual))
                    {
                        comparer.Fail($"{at}: output '{expected.Name}' is not computed by {fn}.");
                        continue;
                    }

                    comparer.Compare(expected.Value, actual, $"{at}.{expected.Name}", atol, rtol);
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or Models.ModelValidationException or KeyNotFoundException or IndexOutOfRangeException)
            {
                comparer.Fail($"{at}: {e.GetType().Name}: {e.Message}");
            }

            count++;
        }

        return count;
    }
}
