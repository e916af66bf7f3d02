import { NavLink, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { IconAudit, IconCompany, IconDashboard, IconKey, IconSites, IconUsers } from "../../components/icons";

interface Item {
  to: string;
  key: string;
  testId: string;
  icon: ReactNode;
}

/** Navigation in three sections, in the order a security coordinator works. */
const SECTIONS: { key: string; items: Item[] }[] = [
  {
    key: "program",
    items: [
      { to: "/", key: "dashboard", testId: "nav-dashboard", icon: <IconDashboard /> },
      { to: "/profile", key: "profile", testId: "nav-profile", icon: <IconAudit /> },
      { to: "/criteria", key: "criteria", testId: "nav-criteria", icon: <IconAudit /> },
      { to: "/evidence", key: "evidence", testId: "nav-evidence", icon: <IconAudit /> },
      { to: "/procedures", key: "procedures", testId: "nav-procedures", icon: <IconAudit /> },
      { to: "/reviews", key: "reviews", testId: "nav-reviews", icon: <IconAudit /> },
      { to: "/frameworks", key: "frameworks", testId: "nav-frameworks", icon: <IconAudit /> },
    ],
  },
  {
    key: "supplyChain",
    items: [
      { to: "/partners", key: "partners", testId: "nav-partners", icon: <IconCompany /> },
      { to: "/supply-chain", key: "supplyChain", testId: "nav-supply-chain", icon: <IconSites /> },
      { to: "/lanes", key: "lanes", testId: "nav-lanes", icon: <IconSites /> },
      { to: "/questionnaires", key: "questionnaires", testId: "nav-questionnaires", icon: <IconAudit /> },
      { to: "/screening", key: "screening", testId: "nav-screening", icon: <IconAudit /> },
      { to: "/imports", key: "imports", testId: "nav-imports", icon: <IconAudit /> },
    ],
  },
  {
    key: "company",
    items: [
      { to: "/sites", key: "sites", testId: "nav-sites", icon: <IconSites /> },
      { to: "/company", key: "company", testId: "nav-company", icon: <IconCompany /> },
      { to: "/users", key: "users", testId: "nav-users", icon: <IconUsers /> },
      { to: "/tokens", key: "tokens", testId: "nav-tokens", icon: <IconKey /> },
      { to: "/audit", key: "audit", testId: "nav-audit", icon: <IconAudit /> },
    ],
  },
];

function isActive(pathname: string, to: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}

/** The main navigation; `onNavigate` closes the mobile navbar. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap="sm">
      {SECTIONS.map((section) => (
        <div key={section.key}>
          <Text id={`nav-section-${section.key}`} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
            {t(`nav.sections.${section.key}`)}
          </Text>
          <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: "none" }} aria-labelledby={`nav-section-${section.key}`}>
            {section.items.map((item) => {
              const active = isActive(pathname, item.to);
              return (
                <li key={item.key}>
                  <NavLink
                    component={Link}
                    to={item.to}
                    label={t(`nav.${item.key}`)}
                    leftSection={item.icon}
                    active={active}
                    aria-current={active ? "page" : undefined}
                    data-testid={item.testId}
                    onClick={onNavigate}
                  />
                </li>
              );
            })}
          </Stack>
        </div>
      ))}
    </Stack>
  );
}
