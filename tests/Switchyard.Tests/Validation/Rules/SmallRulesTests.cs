using Switchyard.Model;
using Switchyard.Validation.Rules;

namespace Switchyard.Tests.Validation.Rules;

public class PortsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void Port_accepts_range_ends(long port) => Assert.Null(Ports.CheckPort(port));

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1)]
    public void Port_rejects_outside_range(long port) =>
        Assert.Equal($"port number {port} must be in the range 1..65535", Ports.CheckPort(port));
}

public class DurationsTests
{
    [Fact]
    public void Duration_accepts_one_millisecond() => Assert.Null(Durations.CheckDuration(Duration.FromMilliseconds(1)));

    [Fact]
    public void Duration_rejects_below_one_millisecond() =>
        Assert.Equal("duration must be greater than 1ms", Durations.CheckDuration(Duration.Parse("999us")));

    [Fact]
    public void Duration_rejects_zero() => Assert.NotNull(Durations.CheckDuration(default));

    [Fact]
    public void Duration_rejects_sub_millisecond_part() =>
        Assert.Equal("only durations to ms precision are supported", Durations.CheckDuration(Duration.Parse("1.0005s")));

    [Fact]
    public void Tcp_idle_timeout_accepts_zero() => Assert.Null(Durations.CheckDurationAllowZero(default));

    [Fact]
    public void Tcp_idle_timeout_still_rejects_sub_millisecond() =>
        Assert.NotNull(Durations.CheckDurationAllowZero(Duration.Parse("10us")));

    [Fact]
    public void Cors_max_age_accepts_whole_seconds() => Assert.Null(Durations.CheckWholeSeconds(Duration.Parse("24h")));

    [Fact]
    public void Cors_max_age_rejects_sub_second_part() =>
        Assert.Equal("max_age duration is accurate only to seconds precision", Durations.CheckWholeSeconds(Duration.Parse("1.5s")));
}

public class PercentagesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(0.0001)]
    [InlineData(100)]
    [InlineData(double.NaN)] // every Go comparison with NaN is false
    public void Fault_percent_accepts(double v) => Assert.Null(Percentages.CheckFaultPercent(v));

    [Theory]
    [InlineData(100.5, "100.5")]
    [InlineData(-1, "-1")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e7, "1e+07")]
    public void Fault_percent_rejects_with_go_number_format(double v, string shown) =>
        Assert.Equal($"percentage {shown} is neither 0.0, nor in range [0.0001, 100.0]", Percentages.CheckFaultPercent(v));

    [Fact]
    public void Mirror_percent_accepts_range() => Assert.Null(Percentages.CheckMirrorPercent(50));

    [Fact]
    public void Mirror_percent_rejects_above_100() =>
        Assert.Equal("mirror_percentage must have a max value of 100 (it has 101.000000)", Percentages.CheckMirrorPercent(101));

    [Fact]
    public void Mirror_percent_rejects_negative() =>
        Assert.Equal("mirror percentage must have a min value of 0 (it has -0.500000)", Percentages.CheckMirrorsEntryPercent(-0.5));

    [Fact]
    public void Integer_percent_uses_range_wording()
    {
        Assert.Null(Percentages.CheckPercent(100));
        Assert.Equal("percentage 101 is not in range 0..100", Percentages.CheckPercent(101));
        Assert.Equal("mirror_percent must have a max value of 100 (it has 101)", Percentages.CheckLegacyMirrorPercent(101));
    }
}

public class MaglevRulesTests
{
    [Theory]
    [InlineData(65537UL)]
    [InlineData(1UL)] // Envoy's isPrime counts 1 as prime
    public void Table_size_accepts_prime_below_limit(ulong size) => Assert.Empty(MaglevRules.CheckTableSize(size));

    [Fact]
    public void Table_size_rejects_non_prime() =>
        Assert.Equal(["tableSize must be a prime number for maglev"], MaglevRules.CheckTableSize(65536));

    [Fact]
    public void Table_size_rejects_limit_itself() =>
        Assert.Equal(["tableSize must be less than 5000011 for maglev"], MaglevRules.CheckTableSize(5000011));

    [Fact]
    public void Table_size_zero_gets_both_istio_messages() =>
        Assert.Equal(["tableSize must be set for maglev", "tableSize must be a prime number for maglev"], MaglevRules.CheckTableSize(0));
}

public class GrpcCodesTests
{
    [Fact]
    public void Grpc_status_accepts_known_name() => Assert.True(GrpcCodes.IsKnownGrpcStatus("UNAVAILABLE"));

    [Fact]
    public void Grpc_status_rejects_lower_case_and_numbers()
    {
        Assert.False(GrpcCodes.IsKnownGrpcStatus("unavailable"));
        Assert.False(GrpcCodes.IsKnownGrpcStatus("14"));
        Assert.StartsWith("gRPC status \"BOGUS\" is not supported.", GrpcCodes.CheckGrpcStatus("BOGUS"));
    }

    [Fact]
    public void Grpc_names_are_indexed_by_code() => Assert.Equal("UNAUTHENTICATED", GrpcCodes.Names[16]);
}

public class HttpStatusTests
{
    [Theory]
    [InlineData(503, true)]
    [InlineData(418, true)]
    [InlineData(599, false)]
    [InlineData(306, false)]
    [InlineData(0, false)]
    public void Go_status_text_knows(int code, bool known) => Assert.Equal(known, HttpStatus.IsGoKnownStatusCode(code));
}
