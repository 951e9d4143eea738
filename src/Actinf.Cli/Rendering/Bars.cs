using System.Globalization;
using Spectre.Console;

namespace Actinf.Cli.Rendering;

/// <summary>Short text bars for probabilities, in Spectre markup.</summary>
internal static class Bars
{
    /// <summary>
    /// A bar of <paramref name="width"/> cells filled in proportion to <paramref name="probability"/>,
    /// followed by the value with two decimals, e.g. <c>██████░░ 0.75</c> (<c>######.. 0.75</c> without Unicode).
    /// </summary>
    /// <param name="probability">A value in [0, 1] (clamped).</param>
    /// <param name="width">Cells of the bar.</param>
    /// <param name="unicode">Whether the console can draw block characters.</param>
    /// <param name="color">Colour of the filled part (ignored without colour support).</param>
    public static string Markup(double probability, int width, bool unicode, string color = "green")
    {
        double p = double.IsFinite(probability) ? Math.Clamp(probability, 0.0, 1.0) : 0.0;
        int filled = (int)Math.Round(p * width, MidpointRounding.AwayFromZero);
        string on = new(unicode ? '█' : '#', filled);
        string off = new(unicode ? '░' : '.', width - filled);
        return $"[{color}]{on}[/][grey]{off}[/] {Number(p)}";
    }

    /// <summary>A probability with two decimals, e.g. <c>0.50</c>.</summary>
    public static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A signed value with two decimals, e.g. <c>+0.69</c> or <c>-3.05</c>.</summary>
    public static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for Spectre markup.</summary>
    public static string Escape(string text) => Spectre.Console.Markup.Escape(text);
}
