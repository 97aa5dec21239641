using System.Security.Cryptography;

namespace ChatBot.Core.Common;

/// <summary>Mints the public identifiers. Prefixes make an id say what it names in logs and URLs.</summary>
public static class Ids
{
    private const string UrlSafe = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewRunId() => "run_" + RandomString(26);

    public static string NewCorrelationId() => "mr_" + RandomString(20);

    public static string NewMonitorId() => "monitor_" + RandomHex(16);

    public static string NewEventGroupId() => "mevtgrp_" + RandomHex(24);

    public static string NewApprovalId() => "apr_" + RandomString(24);

    public static string NewReceiptId() => "rcpt_" + RandomString(24);

    public static string NewTokenId() => "tok_" + RandomString(20);

    public static string NewId(string prefix, int length = 24) => prefix + RandomString(length);

    private static string RandomString(int length) => RandomNumberGenerator.GetString(UrlSafe, length);

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
