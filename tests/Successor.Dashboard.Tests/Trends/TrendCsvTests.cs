// Users' trend files: a well-formed one loads; every kind of malformed one is a single TrendDataException
// naming the file and the line; random damage to a good file never produces any other exception.
using System.Text;
using Successor.Dashboard.Trends;
using Successor.Tensors;

namespace Successor.Dashboard.Tests.Trends;

public sealed class TrendCsvTests : IDisposable
{
    const string Header = "id,date,value,kind,unit,forecast,targets,name,source";
    const string Good = "lab,2026-01-15,4,exponential,digits,false,100,Lab horizon,ours";
    readonly string folder = Directory.CreateTempSubdirectory("trends-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string Write(string text, string name = "mine.csv")
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void A_well_formed_file_with_comments_quotes_CRLF_a_BOM_and_times_loads()
    {
        string text = "\uFEFF# my series\r\n" + Header + "\r\n\r\n"
            + "lab,2026-11-23T10:30:00Z,4,exponential,digits,false,100;1000,\"Lab, horizon\",\"the \"\"ledger\"\"\"\r\n"
            + "lab,2026-11-23T10:20:00+00:00,2,exponential,digits,false,100;1000,\"Lab, "
            + "horizon\",\"the \"\"ledger\"\"\"\r\n"
            + "  bench , 2025-03-15 , 40.5 , percent , % , true , , Bench , \r\n";
        var series = FrontierSeries.Load(Write(text));
        Assert.Equal(["lab", "bench"], series.Select(s => s.Id));
        var lab = series[0];
        Assert.Equal("Lab, horizon", lab.Name);
        Assert.Equal("the \"ledger\"", lab.Source);
        Assert.Equal([100.0, 1000.0], lab.Targets);
        Assert.Equal([2.0, 4.0], lab.Points.Select(p => p.Value)); // sorted by date
        Assert.Equal(10, (lab.Points[1].Date - lab.Points[0].Date).TotalMinutes);
        Assert.True(series[1].Forecast);
        Assert.Empty(series[1].Targets);
    }

    [Theory]
    [InlineData("wrong header", "id,date,value\n" + Good, 1,
        "expected 'id,date,value,kind,unit,forecast,targets,name,source'")]
    [InlineData("bad date", Header + "\n" + Good + "\nlab,2026-13-01,5,exponential,digits,false,100,Lab horizon,ours",
        3, "date '2026-13-01' is not a date")]
    [InlineData("month-only date", Header + "\nlab,2026-01,5,exponential,digits,false,100,Lab horizon,ours", 2,
        "date '2026-01' is not a date")]
    [InlineData("non-numeric value", Header + "\nlab,2026-01-15,four,exponential,digits,false,100,Lab horizon,ours", 2,
        "value 'four' is not a number")]
    [InlineData("decimal comma", Header + "\nlab,2026-01-15,\"4,5\",exponential,digits,false,100,Lab horizon,ours", 2,
        "value '4,5' is not a number")]
    [InlineData("NaN", Header + "\nlab,2026-01-15,NaN,exponential,digits,false,100,Lab horizon,ours", 2,
        "value 'NaN' is not a number")]
    [InlineData("zero under a log", Header + "\nlab,2026-01-15,0,exponential,digits,false,100,Lab horizon,ours", 2,
        "value 0 is not positive")]
    [InlineData("negative under a log", Header + "\nlab,2026-01-15,-2,exponential,digits,false,100,Lab horizon,ours", 2,
        "value -2 is not positive")]
    [InlineData("100 percent", Header + "\nb,2026-01-15,100,percent,%,false,,Bench,x", 2,
        "value 100 is not strictly between 0 and 100")]
    [InlineData("unknown kind", Header + "\nlab,2026-01-15,4,linear,digits,false,100,Lab horizon,ours", 2,
        "kind 'linear' is unknown")]
    [InlineData("empty file", "", 1, "the file is empty")]
    [InlineData("comments only", "# nothing\n\n", 1, "the file is empty")]
    [InlineData("header only", "# c\n" + Header + "\n", 2, "no data rows")]
    [InlineData("duplicate point", Header + "\n" + Good + "\n" + Good, 3,
        "already has a point at 2026-01-15 00:00:00Z (line 2)")]
    [InlineData("too few fields", Header + "\nlab,2026-01-15,4,exponential", 2, "4 fields; expected 9")]
    [InlineData("unclosed quote", Header + "\nlab,2026-01-15,4,exponential,digits,false,100,\"Lab horizon,ours", 2,
        "never closed")]
    [InlineData("changed series columns", Header + "\n" + Good
        + "\nlab,2026-02-15,5,exponential,hours,false,100,Lab horizon,ours", 3, "different unit here than on line 2")]
    [InlineData("bad forecast flag", Header + "\nlab,2026-01-15,4,exponential,digits,yes,100,Lab horizon,ours", 2,
        "forecast 'yes' is not true or false")]
    [InlineData("bad target", Header + "\nlab,2026-01-15,4,exponential,digits,false,100;-1,Lab horizon,ours", 2,
        "target -1 is not positive")]
    [InlineData("targets on a reference", Header + "\nr,2026-01-15,4,reference,%,false,50,Ref,x", 2,
        "takes no targets")]
    [InlineData("bad id", Header + "\n-lab,2026-01-15,4,exponential,digits,false,100,Lab horizon,ours", 2,
        "id '-lab' is not valid")]
    [InlineData("empty unit", Header + "\nlab,2026-01-15,4,exponential,,false,100,Lab horizon,ours", 2,
        "unit is empty")]
    public void A_malformed_file_is_one_error_naming_the_file_and_the_line(string why, string text, int line,
        string problem)
    {
        string path = Write(text);
        var error = Assert.Throws<TrendDataException>(() => FrontierSeries.Load(path));
        Assert.True(error.Message.StartsWith($"{path}, line {line}: "), $"{why}: {error.Message}");
        Assert.Contains(problem, error.Message);
        Assert.Equal(line, error.Line);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        string path = Path.Combine(folder, "absent.csv");
        var error = Assert.Throws<TrendDataException>(() => FrontierSeries.Load(path));
        Assert.Equal($"{path}: no such file", error.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_reading_it_all()
    {
        var big = new StringBuilder(Header + "\n");
        for (int i = 0; big.Length <= TrendCsv.MaxChars; i++)
            big.Append($"s{i},2026-01-15,4,exponential,digits,false,,S,x\n");
        string path = Write(big.ToString());
        var error = Assert.Throws<TrendDataException>(() => FrontierSeries.Load(path));
        Assert.Contains($"{path}: the file is over the", error.Message);
    }

    [Fact]
    public void Random_damage_to_a_good_file_gives_a_trend_error_or_a_valid_load_and_nothing_else()
    {
        string good = Header + "\n" + Good + "\nlab,2026-02-15,8,exponential,digits,false,100,Lab horizon,ours\n"
            + "p,2025-06-15,40,percent,%,true,99,\"Bench, verified\",\"a \"\"quoted\"\" source\"\n";
        const string Alphabet = ",\"\n\r#;-.e0123456789 abcxyzT:Z\uFEFF\u0000";
        var rng = new Rng(7);
        int loaded = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            var text = new StringBuilder(good);
            for (int edits = 1 + rng.NextInt(4); edits > 0; edits--)
            {
                int at = rng.NextInt(text.Length + 1);
                switch (rng.NextInt(3))
                {
                    case 0: if (at < text.Length) text.Remove(at, 1); break;
                    case 1: text.Insert(at, Alphabet[rng.NextInt(Alphabet.Length)]); break;
                    default: if (at < text.Length) text[at] = Alphabet[rng.NextInt(Alphabet.Length)]; break;
                }
            }
            try
            {
                foreach (var s in TrendCsv.Parse(text.ToString(), "fuzz.csv"))
                    _ = TrendsReport.Build([s]).ToJsonString();
                loaded++;
            }
            catch (TrendDataException e) { Assert.StartsWith("fuzz.csv, line ", e.Message); }
        }
        Assert.InRange(loaded, 1, 1999); // some damage is harmless, most is caught
    }
}
