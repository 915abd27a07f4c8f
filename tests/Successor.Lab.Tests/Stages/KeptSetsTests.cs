// A rejected successor's kept set stays in the champion's data when it passed the data's checks, and is dropped
// when it did not.
using Successor.Lab.Stages;
using Successor.Records;

namespace Successor.Lab.Tests.Stages;

public sealed class KeptSetsTests
{
    static readonly string[] Champion = ["sha256:aa", "sha256:bb"];
    static readonly string[] Curated = ["sha256:aa", "sha256:bb", "sha256:cc"];
    static readonly CurationRecord Right = new() { Generation = 4, Filter = "exact", Kept = 120, KeptCorrect = 120,
        KeptLabelAccuracy = 1.0 };
    static readonly KeptDataCheckRecord Clean = new(4, 120, 0, 0, Passed: true);

    [Fact]
    public void A_set_that_passed_its_checks_accumulates()
    {
        Assert.Equal(Curated, KeptSets.AfterRejection(Champion, Curated, Right, Clean, 0.9));
        // at the gate exactly, it passes
        Assert.Equal(Curated, KeptSets.AfterRejection(Champion, Curated, Right with { KeptLabelAccuracy = 0.9 },
            Clean, 0.9));
    }

    [Fact]
    public void A_set_that_failed_a_check_is_dropped()
    {
        // off the training side
        Assert.Equal(Champion, KeptSets.AfterRejection(Champion, Curated, Right, Clean with
            { OffTrainingSide = 1, Passed = false }, 0.9));
        // kept labels below the gate
        Assert.Equal(Champion, KeptSets.AfterRejection(Champion, Curated, Right with { KeptLabelAccuracy = 0.85 },
            Clean, 0.9));
    }
}
