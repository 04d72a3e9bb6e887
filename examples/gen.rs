//! Deterministic generator of realistic contribution exports, for
//! benchmarks and stress tests:
//! `cargo run --release --example gen -- --tenants N --months M [--seed S] [--layout deck|cpor|azure-usage|bizapps-revenue|bizapps-usage] [--fiscal] [--size-mb MB] [--profile partner]`
//! Writes CSV to standard output. With `--size-mb`, tenants are added until
//! the output reaches that size (months stay as given).
//!
//! `--profile partner` (the usage layouts): a large partner's export, whose
//! customers are mostly small and come and go: one or two workloads each,
//! some there all year, the others for a few months (joined lately, left,
//! or moved to another partner and back). `--tenants 100000 --months 13
//! --profile partner` writes about 36 MB, as large partners' 13-month
//! downloads are (issue 27); without it every tenant has two to seven
//! workloads over most months (263 MB for the same arguments).
//!
//! `--layout azure-usage` writes Partner Center's Azure usage report
//! (24 months unless `--months` says otherwise): `--tenants N` tenants, or
//! `--subscriptions N` subscriptions (about three per tenant), each with a
//! few services (Virtual Machines among them), association types that
//! count and some that do not, a second attribution of the same
//! consumption, rows flagged as another location's repeat, credits, trial
//! offers and customer segments. The two business applications layouts are
//! Partner Center's Insights downloads (inputs.md sections 9 and 10), with
//! `--fiscal` month labels such as `FY26-M04`.
//!
//! `--portfolio N --out DIR [--seed S]` writes a distributor's portfolio
//! instead: DIR/partner-0001/ ... one folder per partner, each with a usage
//! export (small to large), a skilling list, and for some the Azure usage
//! report or the business applications downloads; some partners are
//! broken (a file of no known layout beside good ones, only such a file,
//! an empty folder); and DIR/manifest.csv (`partner,file`) naming the same
//! files, plus a partner whose one file is missing.

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
    let partner = arg("--profile").is_some_and(|p| p == "partner");
    if let Some(partners) = arg("--portfolio").and_then(|v| v.parse().ok()) {
        let Some(dir) = arg("--out") else {
            eprintln!("gen: --portfolio needs --out DIR");
            std::process::exit(2);
        };
        if let Err(e) = portfolio(partners, std::path::Path::new(dir), seed) {
            eprintln!("gen: {dir}: {e}");
            std::process::exit(1);
        }
        return;
    }
    if arg("--layout").is_some_and(|l| l == "azure-usage") {
        let months = num("--months", 24).max(1);
        let subscriptions = arg("--subscriptions").and_then(|v| v.parse().ok());
        let tenants = if size_limit.is_some() || subscriptions.is_some() { u64::MAX } else { tenants };
        azure_usage(Limits { tenants, subscriptions: subscriptions.unwrap_or(u64::MAX), size_limit }, months, seed);
        return;
    }

    let mut out = Output { out: BufWriter::with_capacity(1 << 20, std::io::stdout().lock()), written: 0 };
    if let Some(layout) = arg("--layout").filter(|l| l.starts_with("bizapps")) {
        let fiscal = args.iter().any(|a| a == "--fiscal");
        let spec = Spec { tenants, months, seed, size_limit, fiscal };
        bizapps(layout == "bizapps-usage", &spec, &mut out);
        let _ = out.out.flush();
        return;
    }
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
        let count = if partner {
            match rng.below(100) {
                0..=74 => 1,
                75..=94 => 2,
                _ => 3,
            }
        } else {
            2 + rng.below(6) as usize
        };
        let workloads: Vec<&str> = (0..count).map(|w| rng.pick(WORKLOADS[(first + w) % WORKLOADS.len()])).collect();
        // Some tenants join or leave within the year; usage drifts month to month.
        let mut joined = last - rng.below(months + 6) as u32;
        let mut left = u32::MAX;
        if partner && rng.below(100) < 70 {
            // Here for one to four months: ending with the export (joined
            // lately), before it (left), or anywhere in between.
            let stay = 1 + rng.below(4) as u32;
            let end = last - rng.below(months) as u32;
            (joined, left) = (end + 1 - stay, end + 1);
        }
        let growth = 0.7 + rng.below(80) as f64 / 100.0;
        for m in 0..months as u32 {
            let month = last - (months as u32 - 1) + m;
            if month < joined || month >= left {
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

struct Spec {
    tenants: u64,
    months: u64,
    seed: u64,
    size_limit: Option<u64>,
    fiscal: bool,
}

/// Business applications workloads as the downloads name them: category,
/// name, typical monthly revenue per user (revenue) or users (usage).
const BIZAPPS_WORKLOADS: [(&str, &str); 13] = [
    ("Dynamics 365", "Sales"),
    ("Dynamics 365", "Customer Service"),
    ("Dynamics 365", "Field Service"),
    ("Dynamics 365", "Finance"),
    ("Dynamics 365", "Supply Chain"),
    ("Dynamics 365", "Business Central"),
    ("Dynamics 365", "Customer Insights"),
    ("Dynamics 365", "Project Operations"),
    ("Dynamics 365", "Marketing"),
    ("Power Platform", "Power Apps"),
    ("Power Platform", "Power Automate"),
    ("Power Platform", "Power BI"),
    ("Power Platform", "Power Pages"),
];
const BIZAPPS_ASSOCIATIONS: [&str; 9] =
    ["CSP T1", "CSP T2", "DPOR", "CPOR RevRec", "CPOR OSA", "CPOR RevRec Performance", "CPOR OSU", "CPOR", "PAL"];

/// `Oct-2025`, or with `--fiscal` `FY26-M04` (the fiscal year starts in July).
fn bizapps_month(month: u32, fiscal: bool) -> String {
    let (year, mon) = (month / 12, month % 12);
    if fiscal {
        let (fy, m) = if mon >= 6 { (year + 1, mon - 5) } else { (year, mon + 7) };
        format!("FY{:02}-M{m:02}", fy % 100)
    } else {
        format!("{}-{year}", MONTHS[mon as usize])
    }
}

/// The revenue (`usage` false) or usage download of `spec.tenants`
/// customers: a few workloads each, one subscription per workload, the
/// association type mostly the one that counts, sometimes repeated under a
/// second type (the same subscription), trial rows now and then.
fn bizapps<W: Write>(usage: bool, spec: &Spec, out: &mut Output<W>) {
    out.emit(if usage {
        "FiscalMonthName,PartnerAssociationType,CustomerTenantID,CustomerTenantName,SubscriptionID,MetricType,WorkloadCategory,Workload,PAMAU,MAC,MAU"
    } else {
        "FiscalMonthName,PartnerAssociationType,CustomerTenantID,CustomerTenantName,SubscriptionId,WorkloadCategory,Workloads,AdjustedRevenueAmtCD"
    });
    let last = 2025 * 12 + 9;
    // Per customer, one stream both downloads share (the same tenants,
    // workloads and subscriptions) and one of the download's own.
    let stream = |salt: u64, t: u64| {
        Rng((spec.seed ^ salt).wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(t.wrapping_mul(0xD6E8_FEB8_6659_FD93))
            | 1)
    };
    for t in 0..spec.tenants {
        if spec.size_limit.is_some_and(|limit| out.written >= limit) {
            return;
        }
        let (mut shared, mut rng) = (stream(0, t), stream(if usage { 1 } else { 2 }, t));
        let tenant = format!("{:08x}-{:04x}-4000-8000-{t:012x}", shared.next() as u32, t & 0xffff);
        // Mostly small customers, a few large ones.
        let large = shared.below(10) == 0;
        let users = 1 + shared.below(if large { 400 } else { 40 });
        let first = shared.below(BIZAPPS_WORKLOADS.len() as u64) as usize;
        let count = 1 + shared.below(4) as usize;
        let joined = last - shared.below(spec.months + 6) as u32;
        let growth = 0.7 + shared.below(80) as f64 / 100.0;
        for w in 0..count {
            let (category, workload) = BIZAPPS_WORKLOADS[(first + w * 3) % BIZAPPS_WORKLOADS.len()];
            let subscription = format!("{:08x}-0000-4000-8000-{:012x}", shared.next() as u32, t * 16 + w as u64);
            let power = category == "Power Platform" || workload == "Customer Insights";
            let association = match rng.below(10) {
                0 => rng.pick(&BIZAPPS_ASSOCIATIONS),
                _ if usage && power => "PAL",
                _ if usage => rng.pick(&["CSP T1", "CSP T2", "DPOR", "CPOR OSU"]),
                _ => rng.pick(&["CSP T1", "CSP T2", "DPOR", "CPOR RevRec", "CPOR OSA"]),
            };
            let twice = rng.below(8) == 0;
            let trial = usage && rng.below(15) == 0;
            for m in 0..spec.months as u32 {
                let month = last - (spec.months as u32 - 1) + m;
                if month < joined {
                    continue;
                }
                let progress = f64::from(m) / spec.months as f64;
                let scale = users as f64 * (growth + (1.0 - growth) * progress) * (0.9 + rng.below(20) as f64 / 100.0);
                let label = bizapps_month(month, spec.fiscal);
                let figures = if usage {
                    let mau = scale.round().max(1.0);
                    let pamau = if rng.below(3) == 0 { String::new() } else { format!("{}", (mau * 0.9).round()) };
                    let kind = if trial { "Trial" } else { "Paid" };
                    if workload == "Customer Insights" {
                        format!("{kind},{category},{workload},,{},", (mau * 1000.0).round())
                    } else {
                        format!("{kind},{category},{workload},{pamau},,{mau}")
                    }
                } else {
                    format!("{category},{workload},{:.2}", scale * 65.0)
                };
                for a in [association, "DPOR"].into_iter().take(1 + usize::from(twice && association != "DPOR")) {
                    if !out.emit(&format!("{label},{a},{tenant},Customer {t},{subscription},{figures}")) {
                        return;
                    }
                }
            }
        }
    }
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

struct Limits {
    tenants: u64,
    subscriptions: u64,
    size_limit: Option<u64>,
}

/// Service Level 1, Service Level 2, Service Level 3, and a typical monthly ACR in USD.
const AZURE_SERVICES: [(&str, &str, &str, u64); 14] = [
    ("Compute", "Virtual Machines", "Dv5 Series", 900),
    ("Compute", "Virtual Machines Licenses", "Windows Server", 250),
    ("Storage", "Storage", "Blob Storage", 120),
    ("Databases", "Azure SQL Database", "SQL Database", 600),
    ("Databases", "Azure Cosmos DB", "Cosmos DB", 400),
    ("Web", "Azure App Service", "App Service", 300),
    ("Containers", "Azure Kubernetes Service", "AKS", 800),
    ("Compute", "Azure Functions", "Functions", 60),
    ("Security", "Key Vault", "Key Vault", 15),
    ("Networking", "Virtual Network", "Virtual Network", 40),
    ("Networking", "Azure Firewall", "Azure Firewall", 700),
    ("Analytics", "Azure Synapse Analytics", "Synapse", 1200),
    ("AI + Machine Learning", "Azure OpenAI Service", "OpenAI", 500),
    ("Management and Governance", "Azure Monitor", "Log Analytics", 80),
];

/// Attribution types with their share of tenants (per 100): the first four count.
const AZURE_ASSOCIATIONS: [(&str, u64); 6] = [
    ("CSP Tier 1", 45),
    ("CSP Tier 2", 20),
    ("Partner of record", 12),
    ("Partner admin link", 13),
    ("Transacting partner of record", 7),
    ("Deal registration", 3),
];

const SEGMENTS: [(&str, u64); 6] = [
    ("SMB Commercial", 45),
    ("SM&C Corporate", 15),
    ("\"Small, Medium & Corporate Commercial\"", 10),
    ("Major Commercial", 18),
    ("Strategic", 7),
    ("", 5),
];

fn weighted<'a>(rng: &mut Rng, items: &[(&'a str, u64)]) -> &'a str {
    let total: u64 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.below(total);
    for (item, weight) in items {
        if roll < *weight {
            return item;
        }
        roll -= weight;
    }
    items[0].0
}

fn guid(rng: &mut Rng) -> String {
    let (a, b) = (rng.next(), rng.next());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | (b >> 48) & 0x3fff,
        b & 0xffff_ffff_ffff
    )
}

fn azure_usage(limits: Limits, months: u64, seed: u64) {
    let mut out = Output { out: BufWriter::with_capacity(1 << 20, std::io::stdout().lock()), written: 0 };
    out.emit("CustomerTenantId,CustomerName,CustomerSegment,SubscriptionId,Month,ServiceLevel1,ServiceLevel2,ServiceLevel3,PartnerAttributionType,OfferType,IsACRDuplicateAtPGAAttachTypeLevel,IsACRDuplicateAtPGALevel,ACR_USD");
    let last = 2025 * 12 + 9; // October 2025
    let first = last - (months as u32 - 1);
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let (mut t, mut subscriptions) = (0u64, 0u64);
    while t < limits.tenants && subscriptions < limits.subscriptions {
        if limits.size_limit.is_some_and(|limit| out.written >= limit) {
            break;
        }
        let tenant = guid(&mut rng);
        let segment = weighted(&mut rng, &SEGMENTS);
        let association = weighted(&mut rng, &AZURE_ASSOCIATIONS);
        // Mostly small tenants, some large: a multiplier on every service.
        let size = match rng.below(100) {
            0..=59 => 1 + rng.below(3),
            60..=89 => 3 + rng.below(10),
            _ => 10 + rng.below(60),
        };
        // Most there from the start, some joining or leaving, all drifting.
        let joined = if rng.below(10) < 6 { first } else { first + rng.below(months) as u32 };
        let left = if rng.below(10) == 0 { first + rng.below(months) as u32 } else { u32::MAX };
        let growth = 70 + rng.below(80); // per 100 over the data
        for _ in 0..1 + rng.below(5) {
            if subscriptions >= limits.subscriptions {
                break;
            }
            subscriptions += 1;
            let subscription = guid(&mut rng);
            let first_service = rng.below(AZURE_SERVICES.len() as u64) as usize;
            let services: Vec<usize> =
                (0..1 + rng.below(4) as usize).map(|s| (first_service + s * 3) % AZURE_SERVICES.len()).collect();
            // A CSP subscription also attributed by a partner admin link: the same consumption twice.
            let also_pal = association.starts_with("CSP") && rng.below(6) == 0;
            for month in first..=last {
                if month < joined || month >= left {
                    continue;
                }
                let (year, mon) = (month / 12, month % 12 + 1);
                let progress = u64::from(month - first);
                for &s in &services {
                    let (level1, level2, level3, typical) = AZURE_SERVICES[s];
                    // Growth (or decline) from the first month to the last.
                    let trend = (100 * months + progress * growth).saturating_sub(100 * progress);
                    let base = typical * size * trend / (100 * months);
                    let cents = base * (70 + rng.below(60));
                    // Credits now and then.
                    let sign = if rng.below(100) == 0 { "-" } else { "" };
                    let offer = match rng.below(200) {
                        0 => "Free Trial",
                        1 => "Azure Sponsorship",
                        _ => "Azure plan",
                    };
                    let mut line = |association: &str, flag: u8, pga: u8| {
                        out.emit(&format!(
                            "{tenant},Customer {t},{segment},{subscription},{year}-{mon:02}-01,{level1},{level2},{level3},{association},{offer},{flag},{pga},{sign}{}.{:02}",
                            cents / 100,
                            cents % 100
                        ))
                    };
                    if !line(association, 0, 0) {
                        return;
                    }
                    if also_pal && !line("Partner admin link", 0, 1) {
                        return;
                    }
                    // Another location's repeat of the row, flagged.
                    if rng.below(50) == 0 && !line(association, 1, 0) {
                        return;
                    }
                }
            }
        }
        t += 1;
    }
    let _ = out.out.flush();
}

/// Certifications a partner's people hold, as TrainingCompletions titles.
const CERTIFICATIONS: [&str; 8] = [
    "Microsoft 365 Certified: Teams Administrator Associate",
    "Microsoft 365 Certified: Endpoint Administrator Associate",
    "Microsoft 365 Certified: Enterprise Administrator Expert",
    "Microsoft Certified: Azure Administrator Associate",
    "Microsoft Certified: Azure Solutions Architect Expert",
    "Microsoft Certified: Security Operations Analyst Associate",
    "Microsoft Certified: Azure Data Engineer Associate",
    "Microsoft Certified: Azure Developer Associate",
];

/// `--portfolio N --out DIR`: each partner's files are made by this same
/// program (its other layouts, run once per file), so a partner's exports
/// are exactly what the single-file generator writes.
fn portfolio(partners: u64, dir: &std::path::Path, seed: u64) -> std::io::Result<()> {
    use std::fs::{create_dir_all, write, File};
    use std::process::Command;
    let me = std::env::current_exe()?;
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut manifest = String::from("partner,file\n");
    create_dir_all(dir)?;
    for i in 1..=partners {
        let name = format!("partner-{i:04}");
        let folder = dir.join(&name);
        create_dir_all(&folder)?;
        let mut files: Vec<String> = vec![];
        let mut generate = |file: &str, args: &[String]| -> std::io::Result<()> {
            let out = File::create(folder.join(file))?;
            let status = Command::new(&me).args(args).stdout(out).status()?;
            if !status.success() {
                return Err(std::io::Error::other(format!("{file}: the generator failed")));
            }
            files.push(file.to_string());
            Ok(())
        };
        let s = |n: u64| n.to_string();
        // A few broken partners, at fixed places so that small portfolios have them.
        match i % 50 {
            3 => {
                write(folder.join("notes.csv"), "Partner notes,Owner\nCall back in May,Ana\n")?;
                files.push("notes.csv".into());
            }
            5 => {} // an empty folder
            _ => {
                // Sizes: mostly small, some mid-size, a few large.
                let tenants = match rng.below(100) {
                    0..=59 => 3 + rng.below(25),
                    60..=89 => 30 + rng.below(200),
                    _ => 300 + rng.below(700),
                };
                let layout = if rng.below(2) == 0 { "cpor" } else { "deck" };
                let args = [
                    "--tenants",
                    &s(tenants),
                    "--months",
                    "13",
                    "--seed",
                    &s(rng.next() % 1_000_000),
                    "--layout",
                    layout,
                ];
                generate("usage.csv", &args.map(String::from))?;
                if rng.below(100) < 40 {
                    let args = [
                        "--layout",
                        "azure-usage",
                        "--tenants",
                        &s(2 + rng.below(40)),
                        "--seed",
                        &s(rng.next() % 1_000_000),
                    ];
                    generate("azure-usage.csv", &args.map(String::from))?;
                }
                if rng.below(100) < 20 {
                    let seed = s(rng.next() % 1_000_000);
                    let tenants = s(3 + rng.below(30));
                    for (file, layout) in
                        [("bizapps-revenue.csv", "bizapps-revenue"), ("bizapps-usage.csv", "bizapps-usage")]
                    {
                        let args = ["--layout", layout, "--tenants", &tenants, "--months", "13", "--seed", &seed];
                        generate(file, &args.map(String::from))?;
                    }
                }
                let mut skilling = String::from("Email,IndividualFirstName,IndividualLastName,TrainingTitle,TrainingType,TrainingCompletionDate,ExpirationDate\n");
                for person in 0..rng.below(12) {
                    let cert = rng.pick(&CERTIFICATIONS);
                    let (year, month) = (2023 + rng.below(3), 1 + rng.below(12));
                    skilling.push_str(&format!(
                        "p{person}@{name}.example.com,Person,{person},{cert},Certification,{year}-{month:02}-15,\n"
                    ));
                }
                write(folder.join("skilling.csv"), skilling)?;
                files.push("skilling.csv".into());
                if i % 10 == 7 {
                    write(folder.join("readme.csv"), "What,Where\nExports,Partner Center\n")?;
                    files.push("readme.csv".into());
                }
            }
        }
        for file in files {
            manifest.push_str(&format!("{name},{name}/{file}\n"));
        }
    }
    manifest.push_str("partner-missing,partner-missing/usage.csv\n");
    write(dir.join("manifest.csv"), manifest)
}
