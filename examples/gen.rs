//! Deterministic generator of realistic contribution exports, for
//! benchmarks and stress tests:
//! `cargo run --release --example gen -- --tenants N --months M [--seed S] [--layout deck|cpor] [--size-mb MB]`
//! Writes CSV to standard output. With `--size-mb`, tenants are added until
//! the output reaches that size (months stay as given).

use std::io::{BufWriter, Write};

/// xorshift64*: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const ASSOCIATIONS: [&[&str]; 4] = [
    &["CSP Tier1", "CSP Tier 1", "CSP T1", "CSP Tier2", "Indirect reseller"],
    &["CPOR", "Claiming partner of record"],
    &["DPOR", "Digital partner of record"],
    &["PAL", "Partner admin link"],
];
/// Workloads, each with the spellings exports use for it (one per tenant,
/// so that a tenant never lists one workload twice).
const WORKLOADS: [&[&str]; 11] = [
    &["Exchange", "EXO"],
    &["SharePoint", "SPO"],
    &["Teams"],
    &["TeamsMeetings", "Teams Meetings"],
    &["Intune"],
    &["Microsoft365Apps", "ProPlus"],
    &["VivaEngage", "Yammer"],
    &["VivaInsights"],
    &["TeamsPhone"],
    &["PowerBI"],
    &["Dynamics365"],
];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let num = |name: &str, default: u64| arg(name).and_then(|v| v.parse().ok()).unwrap_or(default);
    let months = num("--months", 13).max(1);
    let seed = num("--seed", 42);
    let size_limit = arg("--size-mb").and_then(|v| v.parse::<f64>().ok()).map(|mb| (mb * 1_000_000.0) as u64);
    let tenants = if size_limit.is_some() { u64::MAX } else { num("--tenants", 1000) };
    let cpor = arg("--layout").is_some_and(|l| l == "cpor");

    let mut out = Output { out: BufWriter::with_capacity(1 << 20, std::io::stdout().lock()), written: 0 };
    out.emit(if cpor {
        "CustomerTenantId,CustomerName,WorkloadName,MonthlyActiveUsers,PaidAvailableUnits,PartnerAttributionType,Date"
    } else {
        "CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage"
    });
    // The last month is October 2025; the export runs `months` months back.
    let last = 2025 * 12 + 9;
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut t = 0u64;
    while t < tenants {
        if size_limit.is_some_and(|limit| out.written >= limit) {
            break;
        }
        let id = format!("{:020X}", rng.next() as u128 * 7919 + t as u128);
        // Sizes: mostly small, some mid-size, a few enterprises.
        let size = match rng.below(100) {
            0..=9 => 1 + rng.below(10),
            10..=79 => 11 + rng.below(290),
            _ => 301 + rng.below(5000),
        };
        let kind = match rng.below(100) {
            0..=59 => 0,
            60..=79 => 1,
            80..=94 => 2,
            _ => 3,
        };
        let association = rng.pick(ASSOCIATIONS[kind]);
        let first = rng.below(WORKLOADS.len() as u64) as usize;
        let workloads: Vec<&str> =
            (0..2 + rng.below(6) as usize).map(|w| rng.pick(WORKLOADS[(first + w) % WORKLOADS.len()])).collect();
        // Some tenants join or leave within the year; usage drifts month to month.
        let joined = last - rng.below(months + 6) as u32;
        let growth = 0.7 + rng.below(80) as f64 / 100.0;
        for m in 0..months as u32 {
            let month = last - (months as u32 - 1) + m;
            if month < joined {
                continue;
            }
            let progress = f64::from(m) / months as f64;
            let pau = ((size as f64) * (0.9 + 0.2 * progress)).round();
            for workload in &workloads {
                let ratio = (0.2 + rng.below(70) as f64 / 100.0) * (growth + (1.0 - growth) * (1.0 - progress));
                let mau = (pau * ratio).round();
                let (year, mon) = (month / 12, month % 12);
                let line = if cpor {
                    format!("{id},Customer {t},{workload},{mau},{pau},{association},{year}-{:02}-01", mon + 1)
                } else {
                    format!("{id},{association},{workload},{}-{year},{mau:.2},{pau:.2}", MONTHS[mon as usize])
                };
                if !out.emit(&line) {
                    return;
                }
            }
        }
        t += 1;
    }
    let _ = out.out.flush();
}

struct Output<W: Write> {
    out: W,
    written: u64,
}

impl<W: Write> Output<W> {
    /// False once the reader has gone (a closed pipe ends the run quietly).
    fn emit(&mut self, line: &str) -> bool {
        self.written += line.len() as u64 + 1;
        writeln!(self.out, "{line}").is_ok()
    }
}
