import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Tenant } from "../../api/types";
import { formatDate, nextAnniversary } from "../../lib/dates";
import { useLang } from "../../lib/useLang";

const STATUS_COLOR: Record<string, string> = {
  applicant: "blue",
  certified: "teal",
  validated: "green",
  suspended: "orange",
  removed: "red",
  inactive: "gray",
};

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** The company's CTPAT status, tier and next anniversary. */
export function CompanyCard({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation();
  const lang = useLang();
  const next = nextAnniversary(tenant.anniversaryDate);
  const soon = next !== null && next.days <= 90;

  return (
    <Card withBorder padding="lg" data-testid="dashboard-company">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {tenant.legalName}
        </Title>
        <Anchor component={Link} to="/company" size="sm">
          {t("dashboard.editProfile")}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Item label={t("company.fields.ctpatStatus")}>
          <Badge color={STATUS_COLOR[tenant.ctpatStatus] ?? "gray"} variant="light" data-testid="dashboard-status">
            {t(`ctpatStatus.${tenant.ctpatStatus}`, { defaultValue: tenant.ctpatStatus })}
          </Badge>
        </Item>
        <Item label={t("company.fields.ctpatTier")}>
          <Text>{t(`ctpatTier.${tenant.ctpatTier ?? "none"}`, { defaultValue: tenant.ctpatTier ?? "" })}</Text>
        </Item>
        <Item label={t("company.fields.ctpatAccountNumber")}>
          <Text>{tenant.ctpatAccountNumber ?? t("common.notSet")}</Text>
        </Item>
        <Item label={t("dashboard.nextAnniversary")}>
          {next ? (
            <Stack gap={0}>
              <Text>{formatDate(next.date, lang)}</Text>
              <Text size="sm" c={soon ? "orange" : "dimmed"} fw={soon ? 600 : undefined} data-testid="dashboard-days">
                {next.days === 0 ? t("dashboard.today") : t("dashboard.inDays", { count: next.days })}
              </Text>
            </Stack>
          ) : (
            <Text c="dimmed">{t("common.notSet")}</Text>
          )}
        </Item>
      </SimpleGrid>
    </Card>
  );
}
