//! Recognising a file by its header row.
//!
//! Partner Center's headers drift between exports, so every field has a
//! list of aliases, compared case-, space-, underscore- and
//! punctuation-insensitively (see `spec/inputs.md`).

use crate::text::fold;
use crate::to_json::json_names;

/// A column the reader knows, with the aliases it is found under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    aliases: &'static [&'static str],
}

impl Field {
    /// True when a column named `column` is this field under one of its
    /// aliases (as a header is matched).
    pub fn names(&self, column: &str) -> bool {
        let column = fold(column);
        self.aliases.iter().any(|alias| fold(alias) == column)
    }
}

macro_rules! field {
    ($name:literal, [$($alias:literal),*]) => {
        Field { name: $name, aliases: &[$($alias),*] }
    };
}

pub const TENANT_ID: Field = field!(
    "tenant",
    ["CustomerTenantId", "TenantId", "CustomerTenantName", "CustomerId", "CustomerName", "Customer", "TenantName"]
);
pub const TENANT_NAME: Field =
    field!("customer name", ["CustomerName", "Customer", "CustomerTenantName", "TenantName"]);
pub const ASSOCIATION: Field = field!(
    "association",
    [
        "PartnerAttachType",
        "PartnerAttributionType",
        "PartnerAssociationType",
        "AssociationType",
        "AttributionType",
        "AttachType"
    ]
);
pub const WORKLOAD: Field = field!("workload", ["WorkloadName", "Workload"]);
pub const MONTH: Field = field!("month", ["MonthName", "Month", "Date", "FiscalMonthName", "MonthYear"]);
pub const MAU: Field = field!("MAU", ["ActiveUsage", "MonthlyActiveUsers", "MAU", "ActiveSeats", "ActiveUsers"]);
pub const PAU: Field =
    field!("PAU", ["QualifiedUsage", "PaidAvailableUnits", "PAU", "AvailableSeats", "PaidSeats", "PaidUnits"]);
pub const ASSOCIATED: Field =
    field!("association date", ["DateAssociated", "AssociationDate", "ClaimDate", "AssociatedDate"]);
/// Office usage (Insights OfficeUsage): 1 on rows repeating another
/// location's row of the same partner global account.
pub const PGA_DUPLICATE: Field = field!("PGA duplicate flag", ["IsDuplicateRowForPGA"]);

/// EMS usage (Insights EMSUsage, inputs.md section 6): `Free` rows are ignored.
pub const FREE_VS_PAID: Field = field!("free or paid SKU", ["FreeVsPaidSKU", "FreeVsPaid", "SkuType"]);
/// The value of that column on rows of free licences.
pub const FREE_SKU: &str = "Free";
/// EMS usage: the ends of a workload's column pair (`AADPPaidAvailableUnits`,
/// `AADPMonthlyActiveUsers`), folded; the prefix names the workload.
const EMS_PAU_SUFFIX: &str = "paidavailableunits";
const EMS_MAU_SUFFIX: &str = "monthlyactiveusers";
/// EMS usage: the end of a workload's active users with no paid units
/// beside them (`AATPActiveUsage`, `MCASActiveUsage`), folded.
const EMS_ACTIVE_ONLY_SUFFIX: &str = "activeusage";

/// Business Applications' downloads (inputs.md sections 9 and 10).
pub const BIZAPPS_WORKLOAD: Field = field!("workload", ["Workloads", "Workload", "WorkloadName"]);
pub const REVENUE: Field =
    field!("revenue", ["AdjustedRevenueAmtCD", "Revenue", "RevenueUSD", "BilledRevenueUSD", "AdjustedRevenue"]);
pub const SUBSCRIPTION: Field = field!("subscription", ["SubscriptionId", "SubscriptionGuid", "Subscription"]);
pub const METRIC_TYPE: Field = field!("metric type", ["MetricType"]);
pub const PAMAU: Field = field!("PAMAU", ["PAMAU", "PartnerAttachedMAU", "PartnerAttachedMonthlyActiveUsers"]);
pub const MAC: Field = field!("MAC", ["MAC", "MonthlyActiveCapacity"]);
pub const BIZAPPS_MAU: Field = field!("MAU", ["MAU", "MonthlyActiveUsers", "ActiveUsers"]);

pub const EMAIL: Field =
    field!("e-mail", ["Email", "EmailAddress", "UserPrincipalName", "UPN", "LearnerEmail", "WorkEmail"]);
/// TrainingCompletions: the person's e-mail at the partner, used when `Email` is empty.
pub const CORP_EMAIL: Field = field!("corporate e-mail", ["CorpEmail", "CorporateEmail"]);
pub const PERSON_ID: Field = field!("person id", ["MCID", "MCPID", "UserId", "LearnerId"]);
/// TrainingCompletions from the API: the person's Microsoft Entra user id,
/// on every row (`MCPID` is empty for people without a certification profile).
pub const AAD_USER_ID: Field = field!("Microsoft Entra user id", ["AADUserId"]);
pub const PERSON_NAME: Field =
    field!("name", ["Name", "LearnerName", "FullName", "Individual", "PersonName", "DisplayName"]);
pub const FIRST_NAME: Field =
    field!("first name", ["FirstName", "GivenName", "LearnerFirstName", "IndividualFirstName"]);
pub const LAST_NAME: Field =
    field!("last name", ["LastName", "Surname", "FamilyName", "LearnerLastName", "IndividualLastName"]);
pub const CERTIFICATION: Field = field!(
    "certification",
    [
        "Certification",
        "CertificationName",
        "CertificationTitle",
        "Credential",
        "CredentialName",
        "Exam",
        "Assessment",
        "AssessmentName",
        "TrainingTitle"
    ]
);
pub const EARNED: Field = field!(
    "date earned",
    ["DateEarned", "EarnedDate", "CompletionDate", "TrainingCompletionDate", "Date", "DateAchieved"]
);
/// TrainingCompletions: certification, exam, course or assessment.
pub const TRAINING_TYPE: Field = field!("training type", ["TrainingType", "CredentialType"]);
/// TrainingCompletions: `Active`, `Expired`, ...
pub const ACTIVATION: Field = field!("activation status", ["ActivationStatus", "Status"]);
/// TrainingCompletions: the reporting month a row was exported for.
pub const REPORTED_MONTH: Field = field!("reporting month", ["Month", "ReportingMonth"]);
pub const EXPIRES: Field =
    field!("expiry date", ["ExpirationDate", "ExpiryDate", "Expires", "ExpiresOn", "ValidUntil"]);

/// Azure usage (Insights Azure usage report, inputs.md section 7) and the
/// Customers and tenants download (section 8).
pub const AZURE_TENANT: Field =
    field!("tenant", ["CustomerTenantId", "TenantId", "CustomerTenantName", "CustomerName"]);
pub const SERVICE_LEVEL2: Field = field!("service (Service Level 2)", ["ServiceLevel2"]);
/// Read as Service Level 2 with a warning: not always its name.
pub const SERVICE_NAME: Field = field!("service name", ["ServiceName", "MeterCategory"]);
pub const SERVICE_LEVEL3: Field = field!("Service Level 3", ["ServiceLevel3"]);
pub const SERVICE_LEVEL4: Field = field!("Service Level 4", ["ServiceLevel4"]);
/// The first present in this order (inputs.md section 7).
pub const AZURE_ASSOCIATION: Field =
    field!("association", ["PartnerAttributionType", "PartnerAttachType", "AttributionType", "AssociationType"]);
/// The first present in this order: `TotalACR` (the programmatic layout's
/// ACR of the row's service) before `MonthlySubscriptionLevelACR`, read
/// only when no other ACR column exists, with a warning (inputs.md section 7).
pub const ACR: Field = field!(
    "ACR (USD)",
    ["ACR_USD", "ACRUSD", "AzureConsumedRevenueUSD", "TotalACR", "ACR", "MonthlySubscriptionLevelACR"]
);
/// The ACR column named for the subscription's month, not the row's service.
const SUBSCRIPTION_LEVEL_ACR: Field = field!("subscription-level ACR", ["MonthlySubscriptionLevelACR"]);
/// The partner location a row of a global-account download is reported
/// for (not `PartnerLocation` or `PartnerLocationID`: the location's country).
pub const PARTNER_LOCATION: Field = field!("partner location", ["MPNId", "PartnerID"]);
pub const SEGMENT: Field = field!("segment", ["CustomerSegment", "Segment"]);
pub const OFFER_TYPE: Field = field!("offer type", ["OfferType"]);
pub const OFFER_NAME: Field = field!("offer name", ["OfferName", "Offer"]);
pub const PRODUCT: Field = field!("product", ["Product", "ProductName"]);

/// Metric values typed from Partner Center (designations.md section 7).
pub const AREA: Field = field!("area", ["Area", "SolutionArea", "Designation"]);
pub const TRACK: Field = field!("track", ["Track"]);
pub const METRIC: Field = field!("metric", ["Metric"]);
pub const VALUE: Field = field!("value", ["Value"]);

/// The kind a file was taken for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Usage,
    /// `ems-usage` in the spec: one row per subscription and month, a column
    /// pair per workload.
    EmsUsage,
    /// `azure-usage` in the spec; `azureUsage` in reports, as every kind is camelCase.
    AzureUsage,
    /// `customers-tenants` in the spec; `customersTenants` in reports.
    CustomersTenants,
    Skilling,
    Manual,
    /// Business Applications' revenue report.
    BizappsRevenue,
    /// Business Applications' usage report.
    BizappsUsage,
    /// A Dynamics 365 / Power BI license usage download: recognised, refused.
    BizappsLicenceUsage,
    /// An MS Learn download: recognised, refused.
    MsLearn,
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageColumns {
    pub tenant: usize,
    pub tenant_name: Option<usize>,
    pub association: usize,
    pub workload: usize,
    pub month: usize,
    pub mau: usize,
    pub pau: usize,
    pub associated: Option<usize>,
    pub pga_duplicate: Option<usize>,
}

/// The EMS usage dataset's columns: a row's key, and per workload prefix
/// its paid and active columns (either may be missing: said, not read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmsColumns {
    pub tenant: usize,
    pub tenant_name: Option<usize>,
    pub association: usize,
    pub month: usize,
    pub free_vs_paid: Option<usize>,
    pub pairs: Vec<EmsPair>,
    /// Workloads' active users without a paid-units column (Defender for
    /// Identity, Defender for Cloud Apps): read and ignored (inputs.md section 6).
    pub without_seats: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmsPair {
    /// As the header writes it (`AADP`).
    pub prefix: String,
    pub pau: Option<usize>,
    pub mau: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillingColumns {
    pub email: Option<usize>,
    pub corp_email: Option<usize>,
    /// Before `person_id`: the first filled of the two identifies the person.
    pub aad_user_id: Option<usize>,
    pub person_id: Option<usize>,
    pub name: Option<usize>,
    /// Used for the name when there is no name column.
    pub first_name: Option<usize>,
    pub last_name: Option<usize>,
    pub certification: usize,
    pub earned: Option<usize>,
    pub expires: Option<usize>,
    pub training_type: Option<usize>,
    pub activation: Option<usize>,
    pub reported: Option<usize>,
}

impl SkillingColumns {
    /// A TrainingCompletions download (it has a `TrainingType`) without an
    /// expiry or an activation column, as the API's: every certification is
    /// taken as active (inputs.md section 11).
    pub fn activity_unknown(&self) -> bool {
        self.training_type.is_some() && self.expires.is_none() && self.activation.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AzureColumns {
    pub tenant: usize,
    pub tenant_name: Option<usize>,
    pub subscription: Option<usize>,
    pub month: usize,
    /// Service Level 2, or a column read as it (`service_alias`).
    pub service: usize,
    pub service_alias: bool,
    /// Levels 3 and 4, part of the de-duplication key when present.
    pub finer_services: Vec<usize>,
    pub association: usize,
    pub acr: usize,
    /// The ACR column is `MonthlySubscriptionLevelACR` (no other was there).
    pub acr_per_subscription: bool,
    pub segment: Option<usize>,
    /// Offer type and name, each checked when present.
    pub offers: Vec<usize>,
    /// The partner location (`MPNId`, `PartnerID`) a row is reported for.
    pub location: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TenantsColumns {
    pub tenant: usize,
    pub tenant_name: Option<usize>,
    pub month: usize,
    pub product: usize,
    pub association: usize,
    pub acr: usize,
    pub segment: Option<usize>,
    pub pga_duplicate: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManualColumns {
    pub area: usize,
    pub track: Option<usize>,
    pub metric: usize,
    pub value: usize,
}

/// The columns Business Applications' two downloads share: one row is a
/// subscription's workload under one association type in one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BizappsColumns {
    pub tenant: usize,
    pub tenant_name: Option<usize>,
    pub association: usize,
    pub workload: usize,
    pub month: usize,
    pub subscription: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BizappsUsageColumns {
    pub key: BizappsColumns,
    pub metric_type: Option<usize>,
    pub pamau: Option<usize>,
    pub mac: Option<usize>,
    pub mau: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    Usage(UsageColumns),
    EmsUsage(EmsColumns),
    AzureUsage(AzureColumns),
    CustomersTenants(TenantsColumns),
    Skilling(SkillingColumns),
    Manual(ManualColumns),
    /// The business applications revenue report, with its revenue column.
    BizappsRevenue(BizappsColumns, usize),
    BizappsUsage(BizappsUsageColumns),
}

impl Layout {
    pub fn kind(&self) -> FileKind {
        match self {
            Layout::Usage(_) => FileKind::Usage,
            Layout::EmsUsage(_) => FileKind::EmsUsage,
            Layout::AzureUsage(_) => FileKind::AzureUsage,
            Layout::CustomersTenants(_) => FileKind::CustomersTenants,
            Layout::Skilling(_) => FileKind::Skilling,
            Layout::Manual(_) => FileKind::Manual,
            Layout::BizappsRevenue(..) => FileKind::BizappsRevenue,
            Layout::BizappsUsage(_) => FileKind::BizappsUsage,
        }
    }
}

/// A header, folded once, in which fields are looked up.
struct Header(Vec<String>);

impl Header {
    /// The first alias of `field` found, in alias order, so that
    /// `CustomerTenantId` wins over `CustomerTenantName` as the tenant key.
    fn find(&self, field: Field) -> Option<usize> {
        field.aliases.iter().find_map(|alias| {
            let alias = fold(alias);
            self.0.iter().position(|h| *h == alias)
        })
    }
    fn find_other(&self, field: Field, taken: usize) -> Option<usize> {
        field.aliases.iter().find_map(|alias| {
            let alias = fold(alias);
            self.0.iter().enumerate().position(|(i, h)| i != taken && *h == alias)
        })
    }
}

/// Recognises the layout of a header row; else a download recognised but
/// not scored, or which fields each known layout misses.
pub fn recognise(columns: &[String]) -> Result<Layout, Unrecognised> {
    let header = Header(columns.iter().map(|c| fold(c)).collect());
    let usage = [TENANT_ID, ASSOCIATION, WORKLOAD, MONTH, MAU, PAU];
    let found: Vec<Option<usize>> = usage.iter().map(|f| header.find(*f)).collect();
    if let [Some(tenant), Some(association), Some(workload), Some(month), Some(mau), Some(pau)] = found[..] {
        return Ok(Layout::Usage(UsageColumns {
            tenant,
            tenant_name: header.find_other(TENANT_NAME, tenant),
            association,
            workload,
            month,
            mau,
            pau,
            associated: header.find(ASSOCIATED),
            pga_duplicate: header.find(PGA_DUPLICATE),
        }));
    }
    // EMS usage: no workload column, a column pair per workload instead.
    let key = [TENANT_ID, ASSOCIATION, MONTH].map(|f| header.find(f));
    let pairs = ems_pairs(columns, &header);
    let workload = header.find(WORKLOAD).or(header.find(BIZAPPS_WORKLOAD));
    if let ([Some(tenant), Some(association), Some(month)], false, None) = (key, pairs.is_empty(), workload) {
        return Ok(Layout::EmsUsage(EmsColumns {
            tenant,
            tenant_name: header.find_other(TENANT_NAME, tenant),
            association,
            month,
            free_vs_paid: header.find(FREE_VS_PAID),
            pairs,
            without_seats: (header.0.iter().enumerate())
                .filter(|(_, h)| h.strip_suffix(EMS_ACTIVE_ONLY_SUFFIX).is_some_and(|prefix| !prefix.is_empty()))
                .map(|(i, _)| i)
                .collect(),
        }));
    }
    let (service_level2, service_name) = (header.find(SERVICE_LEVEL2), header.find(SERVICE_NAME));
    let azure = [AZURE_TENANT, MONTH, AZURE_ASSOCIATION, ACR].map(|f| header.find(f));
    if let ([Some(tenant), Some(month), Some(association), Some(acr)], Some(service)) =
        (azure, service_level2.or(service_name))
    {
        return Ok(Layout::AzureUsage(AzureColumns {
            tenant,
            tenant_name: header.find_other(TENANT_NAME, tenant),
            subscription: header.find(SUBSCRIPTION),
            month,
            service,
            service_alias: service_level2.is_none(),
            finer_services: [SERVICE_LEVEL3, SERVICE_LEVEL4].into_iter().filter_map(|f| header.find(f)).collect(),
            association,
            acr,
            acr_per_subscription: columns.get(acr).is_some_and(|c| SUBSCRIPTION_LEVEL_ACR.names(c)),
            segment: header.find(SEGMENT),
            offers: [OFFER_TYPE, OFFER_NAME].into_iter().filter_map(|f| header.find(f)).collect(),
            location: header.find(PARTNER_LOCATION),
        }));
    }
    if let ([Some(tenant), Some(month), Some(association), Some(acr)], Some(product)) = (azure, header.find(PRODUCT)) {
        return Ok(Layout::CustomersTenants(TenantsColumns {
            tenant,
            tenant_name: header.find_other(TENANT_NAME, tenant),
            month,
            product,
            association,
            acr,
            segment: header.find(SEGMENT),
            pga_duplicate: header.find(PGA_DUPLICATE),
        }));
    }
    // Business Applications: the key columns and a revenue column, or
    // usage numbers with one only these downloads have (PAMAU, MAC, MetricType).
    let bizapps = [TENANT_ID, ASSOCIATION, BIZAPPS_WORKLOAD, MONTH].map(|f| header.find(f));
    if let [Some(tenant), Some(association), Some(workload), Some(month)] = bizapps {
        let key = BizappsColumns {
            tenant,
            tenant_name: header.find_other(TENANT_NAME, tenant),
            association,
            workload,
            month,
            subscription: header.find(SUBSCRIPTION),
        };
        if let Some(revenue) = header.find(REVENUE) {
            return Ok(Layout::BizappsRevenue(key, revenue));
        }
        let [metric_type, pamau, mac, mau] = [METRIC_TYPE, PAMAU, MAC, BIZAPPS_MAU].map(|f| header.find(f));
        if pamau.is_some() || mac.is_some() || metric_type.is_some() && mau.is_some() {
            return Ok(Layout::BizappsUsage(BizappsUsageColumns { key, metric_type, pamau, mac, mau }));
        }
    }
    if let [Some(area), Some(metric), Some(value)] = [AREA, METRIC, VALUE].map(|f| header.find(f)) {
        return Ok(Layout::Manual(ManualColumns { area, track: header.find(TRACK), metric, value }));
    }
    let person =
        [EMAIL, PERSON_ID, PERSON_NAME, FIRST_NAME, LAST_NAME, CORP_EMAIL, AAD_USER_ID].map(|f| header.find(f));
    let certification = header.find(CERTIFICATION);
    if let (Some(certification), true) = (certification, person.iter().any(Option::is_some)) {
        return Ok(Layout::Skilling(SkillingColumns {
            email: person[0],
            corp_email: person[5],
            aad_user_id: person[6],
            person_id: person[1],
            name: person[2],
            first_name: person[3],
            last_name: person[4],
            certification,
            earned: header.find(EARNED),
            expires: header.find(EXPIRES),
            training_type: header.find(TRAINING_TYPE),
            activation: header.find(ACTIVATION),
            reported: header.find(REPORTED_MONTH),
        }));
    }
    if let Some(download) = unscored(&header) {
        return Err(Unrecognised::Unscored(download));
    }
    Err(Unrecognised::Unknown(unknown_layout(columns, &header)))
}

/// Partner Center's downloads that look close to scored ones but cannot
/// score a designation (inputs.md section 13): recognised, so that the
/// user learns which download to take instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unscored {
    /// The Insights `DynamicsUsage` and `PowerBIUsage` datasets: seats per SKU.
    BizappsLicenceUsage,
    /// The Insights `MSLearn` dataset: Learn modules and paths.
    MsLearn,
}

impl Unscored {
    pub fn kind(self) -> FileKind {
        match self {
            Unscored::BizappsLicenceUsage => FileKind::BizappsLicenceUsage,
            Unscored::MsLearn => FileKind::MsLearn,
        }
    }

    /// What the file is, why it cannot score, and what to download instead.
    pub fn message(self) -> &'static str {
        match self {
            Unscored::BizappsLicenceUsage => "this is Partner Center's Dynamics 365 / Power BI license usage download (seats per SKU): it has no workload column, so it cannot score Business Applications; download the Business applications revenue and usage reports instead (Insights, Business applications).",
            Unscored::MsLearn => "this is Partner Center's MS Learn download (Learn modules and learning paths completed): it lists no certifications, so it cannot score skilling; download the Trainings, exams and certifications report (TrainingCompletions) instead.",
        }
    }
}

/// Why a header is none of the layouts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unrecognised {
    /// A download recognised but not scored.
    Unscored(Unscored),
    /// No known layout: the message says which columns were looked for.
    Unknown(String),
}

/// Dynamics 365 / Power BI license usage: `RevSum...` columns, or assigned
/// seats with their activity or deployment opportunity.
const REV_SUM: Field = field!("revenue summary", ["RevSumDivisionName", "RevSumCategoryName"]);
const ASSIGNED_SEATS: Field = field!("assigned seats", ["AssignedSeats"]);
const SEAT_ACTIVITY: Field = field!("seat activity", ["ActiveUsagePercent", "DeploymentOpportunity"]);
/// MS Learn: a training name with the products or roles it is about.
const TRAINING_NAME: Field = field!("training name", ["TrainingName"]);
const LEARN_TOPIC: Field = field!("products or roles", ["Products", "Roles"]);

fn unscored(header: &Header) -> Option<Unscored> {
    let has = |field: Field| header.find(field).is_some();
    let workload = has(WORKLOAD) || has(BIZAPPS_WORKLOAD);
    if !workload && (has(REV_SUM) || has(ASSIGNED_SEATS) && has(SEAT_ACTIVITY)) {
        return Some(Unscored::BizappsLicenceUsage);
    }
    (has(TRAINING_NAME) && has(LEARN_TOPIC) && !has(CERTIFICATION)).then_some(Unscored::MsLearn)
}

/// The unknown-layout message (inputs.md section 3): the columns found, and
/// per layout the columns it looks for that this header lacks.
fn unknown_layout(columns: &[String], header: &Header) -> String {
    let lacks = |fields: &[Field]| -> String {
        let missing: Vec<String> = fields.iter().filter(|f| header.find(**f).is_none()).map(|f| describe(*f)).collect();
        if missing.is_empty() {
            "nothing".into()
        } else {
            missing.join("; ")
        }
    };
    let service = Field { name: "service", aliases: &["ServiceLevel2", "ServiceName", "MeterCategory"] };
    let person = [EMAIL, CORP_EMAIL, AAD_USER_ID, PERSON_ID, PERSON_NAME, FIRST_NAME, LAST_NAME];
    let person_names: Vec<&str> = person.iter().flat_map(|f| f.aliases.iter().copied()).collect();
    let skilling = match (person.iter().any(|f| header.find(*f).is_some()), header.find(CERTIFICATION).is_some()) {
        (true, true) => "nothing".to_string(),
        (true, false) => describe(CERTIFICATION),
        (false, found) => {
            let person = format!("a person column ({})", person_names.join(", "));
            if found {
                person
            } else {
                format!("{person}; {}", describe(CERTIFICATION))
            }
        }
    };
    let found: Vec<String> = columns.iter().map(|c| format!("\"{}\"", c.trim())).collect();
    format!(
        "the header matches no known layout. Columns found: {}. Columns each layout looks for that this header lacks (each with the names it is found under): a usage export (Office usage), {}. An EMS usage download, {}, and a pair of columns per workload (AADPPaidAvailableUnits and AADPMonthlyActiveUsers, ...). An Azure usage report, {}; a Customers and tenants download the same with {} instead of the service. Business applications downloads, {}, with {} (revenue) or {} (usage). A skilling list, {}. Values typed from Partner Center need Area, Track, Metric and Value.",
        found.join(", "),
        lacks(&[TENANT_ID, ASSOCIATION, WORKLOAD, MONTH, MAU, PAU]),
        lacks(&[TENANT_ID, ASSOCIATION, MONTH]),
        lacks(&[AZURE_TENANT, MONTH, service, AZURE_ASSOCIATION, ACR]),
        describe(PRODUCT),
        lacks(&[TENANT_ID, ASSOCIATION, BIZAPPS_WORKLOAD, MONTH]),
        describe(REVENUE),
        [PAMAU, MAC, BIZAPPS_MAU].map(|f| f.name).join(", "),
        skilling,
    )
}

/// The column pairs of an EMS usage header, by prefix in header order:
/// `AADPPaidAvailableUnits` and `AADPMonthlyActiveUsers` are `AADP`'s. The
/// all-workload columns (no prefix) are not read.
fn ems_pairs(columns: &[String], header: &Header) -> Vec<EmsPair> {
    let mut pairs: Vec<EmsPair> = vec![];
    for (i, (column, folded)) in columns.iter().zip(&header.0).enumerate() {
        let found = [(EMS_PAU_SUFFIX, true), (EMS_MAU_SUFFIX, false)]
            .into_iter()
            .find_map(|(suffix, paid)| Some((folded.strip_suffix(suffix).filter(|p| !p.is_empty())?, suffix, paid)));
        let Some((prefix, suffix, paid)) = found else { continue };
        // The prefix as the header writes it, for messages (`AADP`).
        let letters: Vec<char> = column.chars().filter(|&c| crate::text::is_word_char(c)).collect();
        let written: String = letters[..letters.len().saturating_sub(suffix.len())].iter().collect();
        let pair = match pairs.iter_mut().position(|p| fold(&p.prefix) == prefix) {
            Some(at) => &mut pairs[at],
            None => {
                pairs.push(EmsPair { prefix: written, pau: None, mau: None });
                let last = pairs.len() - 1;
                &mut pairs[last]
            }
        };
        let slot = if paid { &mut pair.pau } else { &mut pair.mau };
        slot.get_or_insert(i);
    }
    pairs
}

fn describe(field: Field) -> String {
    format!("{} ({})", field.name, field.aliases.join(", "))
}

// How it is written (`crate::to_json`).
json_names! {
    FileKind { Usage => "usage", EmsUsage => "emsUsage", AzureUsage => "azureUsage", CustomersTenants => "customersTenants", Skilling => "skilling", Manual => "manual", BizappsRevenue => "bizappsRevenue", BizappsUsage => "bizappsUsage", BizappsLicenceUsage => "bizappsLicenceUsage", MsLearn => "msLearn", Unknown => "unknown" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(line: &str) -> Vec<String> {
        line.split(',').map(String::from).collect()
    }

    #[test]
    fn deck_layout() {
        let layout =
            recognise(&cols("CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage"))
                .unwrap();
        let Layout::Usage(c) = layout else { panic!() };
        assert_eq!((c.tenant, c.tenant_name, c.association, c.month, c.mau, c.pau), (0, None, 1, 3, 4, 5));
    }

    #[test]
    fn cpor_report_layout_keys_on_the_id() {
        let header = "CustomerTenantId,CustomerName,WorkloadName,MonthlyActiveUsers,PaidAvailableUnits,ClaimId,MpnId,DateAssociated,PartnerAttributionType,Date";
        let Layout::Usage(c) = recognise(&cols(header)).unwrap() else { panic!() };
        assert_eq!((c.tenant, c.tenant_name, c.month, c.associated, c.association), (0, Some(1), 9, Some(7), 8));
    }

    #[test]
    fn aliases_ignore_case_spaces_and_underscores() {
        let header = "customer_tenant_id, Partner Attribution Type ,workload,MONTH,mau,pau";
        assert!(matches!(recognise(&cols(header)), Ok(Layout::Usage(_))));
    }

    #[test]
    fn skilling_layout() {
        let Layout::Skilling(c) = recognise(&cols("Name,Email,Certification,DateEarned")).unwrap() else { panic!() };
        assert_eq!((c.email, c.name, c.certification, c.earned), (Some(1), Some(0), 2, Some(3)));
    }

    #[test]
    fn customer_name_alone_keys_tenants() {
        let Layout::Usage(c) = recognise(&cols("CustomerName,AssociationType,Workload,Month,MAU,PAU")).unwrap() else {
            panic!()
        };
        assert_eq!((c.tenant, c.tenant_name), (0, None));
    }

    #[test]
    fn training_completions_layout() {
        let header = "PGAMpnId,TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,ExpirationDate,ActivationStatus,Month,IcMCP,MCPID,MPNId,PartnerName";
        let Layout::Skilling(c) = recognise(&cols(header)).unwrap() else { panic!() };
        assert_eq!((c.certification, c.training_type, c.first_name, c.last_name), (2, Some(3), Some(4), Some(5)));
        assert_eq!((c.email, c.corp_email, c.person_id), (Some(6), Some(7), Some(13)));
        assert_eq!((c.earned, c.expires, c.activation, c.reported), (Some(8), Some(9), Some(10), Some(11)));
    }

    #[test]
    fn office_usage_layout() {
        let header = "PGAMpnId,CustomerTenantId,CustomerTpid,WorkloadName,Month,PaidAvailableUnits,MonthlyActiveUsers,CustomerName,CustomerMarket,CustomerSegment,MPNId,PartnerName,PartnerLocation,PartnerAttributionType,IsDuplicateRowForPGA";
        let Layout::Usage(c) = recognise(&cols(header)).unwrap() else { panic!() };
        assert_eq!((c.tenant, c.tenant_name, c.workload, c.month, c.pau, c.mau), (1, Some(7), 3, 4, 5, 6));
        assert_eq!((c.association, c.pga_duplicate), (13, Some(14)));
    }

    #[test]
    fn office_365_license_usage_download_and_programmatic_office_usage() {
        // As Microsoft's 2023 data definitions list the download: the global
        // account is PGAPartnerID, the location PartnerID.
        let header = "PGAPartnerID,CustomerTenantId,CustomerTpid,WorkloadName,Month,PaidAvailableUnits,MonthlyActiveUsers,CustomerName,CustomerMarket,CustomerSegment,IndustryName,VerticalName,EOU,PartnerID,PartnerName,PartnerLocation,PartnerAttributionType,IsDuplicateRowForPGA";
        let Layout::Usage(c) = recognise(&cols(header)).unwrap() else { panic!() };
        assert_eq!((c.tenant, c.tenant_name, c.workload, c.month, c.pau, c.mau), (1, Some(7), 3, 4, 5, 6));
        assert_eq!((c.association, c.pga_duplicate), (16, Some(17)));
        // The programmatic OfficeUsage query: no global-account column.
        let header = "CustomerTenantId,CustomerTpid,WorkloadName,Month,PaidAvailableUnits,MonthlyActiveUsers,CustomerName,CustomerMarket,CustomerSegment,MPNId,PartnerName,PartnerLocationID,PartnerAttributionType,IsDuplicateRowForPGA";
        let Layout::Usage(c) = recognise(&cols(header)).unwrap() else { panic!() };
        assert_eq!((c.tenant, c.workload, c.month, c.association, c.pga_duplicate), (0, 2, 3, 12, Some(13)));
        // Recognised by the usage fields alone: no partner column is needed.
        let bare = "CustomerTenantId,WorkloadName,Month,PaidAvailableUnits,MonthlyActiveUsers,PartnerAttributionType";
        assert!(matches!(recognise(&cols(bare)), Ok(Layout::Usage(_))));
    }

    #[test]
    fn azure_usage_layout() {
        let header = "CustomerTenantId,CustomerName,CustomerSegment,SubscriptionId,Month,ServiceLevel1,ServiceLevel2,ServiceLevel3,PartnerAttributionType,OfferType,IsACRDuplicateAtPGAAttachTypeLevel,IsACRDuplicateAtPGALevel,ACR_USD";
        let Layout::AzureUsage(c) = recognise(&cols(header)).unwrap() else { panic!() };
        assert_eq!((c.tenant, c.tenant_name, c.segment, c.subscription, c.month), (0, Some(1), Some(2), Some(3), 4));
        assert_eq!((c.service, c.service_alias, c.finer_services.clone(), c.association), (6, false, vec![7], 8));
        assert_eq!((c.offers.clone(), c.acr), (vec![9], 12));
        // Without Service Level 2, a meter category stands in for it (with a warning).
        let Layout::AzureUsage(c) = recognise(&cols("TenantId,Date,MeterCategory,AttributionType,ACR")).unwrap() else {
            panic!()
        };
        assert_eq!((c.service, c.service_alias, c.subscription, c.offers.len()), (2, true, None, 0));
    }

    #[test]
    fn programmatic_azure_usage_layout() {
        let header = "PGAMpnId,SubscriptionId,SubscriptionStartDate,SubscriptionEndDate,FirstUseDate,SubscriptionState,Month,ServiceName,MeterCategory,UsageUnits,UsageQuantity,CustomerName,CustomerTenantId,CustomerTpid,CustomerSegment,CustomerMarket,MpnId,PartnerName,PartnerLocation,PartnerAttributionType,SalesChannel,EnrollmentNumber,IsACRDuplicateAtPGALevel,ResellerID,ResellerName,MonthlySubscriptionLevelACR,TotalACR";
        let Layout::AzureUsage(c) = recognise(&cols(header)).unwrap() else { panic!() };
        // ServiceName, not MeterCategory, is Service Level 2; TotalACR, not
        // the subscription's month, is the row's ACR; MpnId (not PGAMpnId or
        // PartnerLocation, the location's country) is the partner location.
        assert_eq!((c.tenant, c.tenant_name, c.subscription, c.month), (12, Some(11), Some(1), 6));
        assert_eq!((c.service, c.service_alias, c.finer_services.len(), c.association), (7, true, 0, 19));
        assert_eq!((c.acr, c.acr_per_subscription, c.location), (26, false, Some(16)));
        // Without TotalACR the subscription's month is read, and said to be.
        let Layout::AzureUsage(c) = recognise(&cols(header.trim_end_matches(",TotalACR"))).unwrap() else { panic!() };
        assert_eq!((c.acr, c.acr_per_subscription), (25, true));
        let header =
            "CustomerTenantId,Month,ServiceLevel2,PartnerID,PartnerAttributionType,ACR_USD,MonthlySubscriptionLevelACR";
        let Layout::AzureUsage(c) = recognise(&cols(header)).unwrap() else { panic!() };
        assert_eq!((c.acr, c.acr_per_subscription, c.location), (5, false, Some(3)));
    }

    #[test]
    fn customers_tenants_layout() {
        let header = "CustomerTenantId,CustomerTenantName,CustomerSegment,Product,Month,PartnerAttributionType,IsDuplicateRowForPGA,AvailableSeats,BilledRevenueUSD,AzureConsumedRevenueUSD";
        let Layout::CustomersTenants(c) = recognise(&cols(header)).unwrap() else { panic!() };
        assert_eq!((c.tenant, c.tenant_name, c.segment, c.product, c.month), (0, Some(1), Some(2), 3, 4));
        assert_eq!((c.association, c.pga_duplicate, c.acr), (5, Some(6), 9));
    }

    #[test]
    fn first_and_last_names_identify_people() {
        let Layout::Skilling(c) = recognise(&cols("First Name,Last Name,Credential")).unwrap() else { panic!() };
        assert_eq!((c.first_name, c.last_name, c.name, c.certification), (Some(0), Some(1), None, 2));
    }

    #[test]
    fn business_applications_downloads() {
        let revenue = "FiscalMonthName,GlobalPartnerID,PartnerName,PartnerAssociationType,CustomerID,CustomerName,CustomerTenantID,CustomerTenantName,SubscriptionId,SubscriptionStartDate,Country,WorkloadCategory,Workloads,AdjustedRevenueAmtCD";
        let Layout::BizappsRevenue(c, revenue) = recognise(&cols(revenue)).unwrap() else { panic!() };
        assert_eq!((c.tenant, c.tenant_name, c.association, c.workload, c.month), (6, Some(5), 3, 12, 0));
        assert_eq!((c.subscription, revenue), (Some(8), 13));
        let usage = "FiscalMonthName,GlobalPartnerID,PartnerName,PartnerAssociationType,CustomerID,CustomerName,CustomerTenantID,CustomerTenantName,SubscriptionID,SubscriptionStartDate,MetricType,WorkloadCategory,Workload,SkuGroup,PAMAU,MAC,MAU";
        let layout = recognise(&cols(usage)).unwrap();
        assert_eq!(layout.kind(), FileKind::BizappsUsage);
        let Layout::BizappsUsage(c) = layout else { panic!() };
        assert_eq!((c.key.workload, c.key.subscription, c.metric_type), (12, Some(8), Some(10)));
        assert_eq!((c.pamau, c.mac, c.mau), (Some(14), Some(15), Some(16)));
        // A Modern Work usage export stays one, and key columns alone are no download.
        let mw = "CustomerTenantId,PartnerAttributionType,Workload,Month,MAU,PAU";
        assert!(matches!(recognise(&cols(mw)), Ok(Layout::Usage(_))));
        assert!(recognise(&cols("CustomerTenantId,PartnerAttributionType,Workload,Month,MAU")).is_err());
    }

    #[test]
    fn ems_usage_layout() {
        let header = "SubscriptionId,Month,CustomerName,CustomerTenantId,PartnerAttachType,FreeVsPaidSKU,PaidAvailableUnits,MonthlyActiveUsers,AADPPaidAvailableUnits,AADPMonthlyActiveUsers,IntunePaidAvailableUnits,IntuneMonthlyActiveUsers,AzipPaidAvailableUnits";
        let layout = recognise(&cols(header)).unwrap();
        assert_eq!(layout.kind(), FileKind::EmsUsage);
        let Layout::EmsUsage(c) = layout else { panic!() };
        assert_eq!((c.tenant, c.tenant_name, c.association, c.month, c.free_vs_paid), (3, Some(2), 4, 1, Some(5)));
        let pairs: Vec<(&str, Option<usize>, Option<usize>)> =
            c.pairs.iter().map(|p| (p.prefix.as_str(), p.pau, p.mau)).collect();
        // The all-workload columns are not a pair; Azip's active column is missing.
        assert_eq!(pairs, [("AADP", Some(8), Some(9)), ("Intune", Some(10), Some(11)), ("Azip", Some(12), None)]);
        assert!(c.without_seats.is_empty());
        // Defender for Identity's and Defender for Cloud Apps' active users have no paid units.
        let Layout::EmsUsage(c) = recognise(&cols(&format!("{header},AATPActiveUsage,MCASActiveUsage"))).unwrap()
        else {
            panic!()
        };
        assert_eq!((c.pairs.len(), c.without_seats), (3, vec![13, 14]));
        // A workload column makes it another layout (PartnerAttachedMonthlyActiveUsers is PAMAU).
        let bizapps =
            "FiscalMonthName,PartnerAssociationType,CustomerTenantID,Workload,PartnerAttachedMonthlyActiveUsers";
        assert_eq!(recognise(&cols(bizapps)).unwrap().kind(), FileKind::BizappsUsage);
    }

    #[test]
    fn unknown_header_lists_found_and_expected() {
        let Err(Unrecognised::Unknown(err)) = recognise(&cols("Foo,Bar")) else { panic!() };
        assert!(err.contains("\"Foo\", \"Bar\""), "{err}");
        assert!(err.contains("MAU (ActiveUsage"), "{err}");
        assert!(err.contains("certification (Certification"), "{err}");
        assert!(err.contains("service (ServiceLevel2, ServiceName, MeterCategory)"), "{err}");
        assert!(err.contains("AADUserId"), "{err}");
        // Only what a layout lacks is listed: a usage export missing its MAU.
        let Err(Unrecognised::Unknown(err)) =
            recognise(&cols("CustomerTenantId,PartnerAttributionType,Workload,Month,PAU"))
        else {
            panic!()
        };
        assert!(err.contains("a usage export (Office usage), MAU (ActiveUsage"), "{err}");
        assert!(!err.contains("Office usage), tenant"), "{err}");
    }

    #[test]
    fn downloads_recognised_but_not_scored() {
        let dynamics = "Month,RevSumDivisionName,RevSumCategoryName,SKU,SKUId,FreeVsPaidSKU,SalesModel,DetailedSalesModel,CustomerName,CustomerTenantId,CustomerSegment,MPNID,PartnerName,PartnerLocation,PartnerAttachType,AvailableSeats,AssignedSeats,ActiveSeats,DeploymentOpportunity,ActiveUsagePercent";
        let refused = |header: &str| match recognise(&cols(header)) {
            Err(Unrecognised::Unscored(download)) => Some(download.kind()),
            _ => None,
        };
        assert_eq!(refused(dynamics), Some(FileKind::BizappsLicenceUsage));
        // Without the RevSum columns, by its seats; never with a workload column.
        assert_eq!(
            refused("Month,CustomerTenantId,SKU,AssignedSeats,ActiveUsagePercent"),
            Some(FileKind::BizappsLicenceUsage)
        );
        assert_eq!(refused("Month,CustomerTenantId,SKU,AssignedSeats"), None);
        assert_eq!(refused("Month,CustomerTenantId,Workload,RevSumDivisionName"), None);
        let learn =
            "UserName,UserId,TrainingName,TrainingType,Products,Roles,CompletionDate,MPNId,PartnerName,CustomerMarket";
        assert_eq!(refused(learn), Some(FileKind::MsLearn));
        assert_eq!(refused("UserId,TrainingName,Roles"), Some(FileKind::MsLearn));
        assert_eq!(refused("UserId,TrainingName,CompletionDate"), None);
        // With a certification column it is a skilling list.
        assert!(matches!(recognise(&cols("UserId,TrainingName,Products,Certification")), Ok(Layout::Skilling(_))));
        for download in [Unscored::BizappsLicenceUsage, Unscored::MsLearn] {
            assert!(download.message().contains("instead"));
        }
    }
}
