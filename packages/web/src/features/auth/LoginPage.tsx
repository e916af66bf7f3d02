import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { errorMessage } from "../../api/errors";
import { Logo } from "../../components/Logo";
import { LanguageSwitch } from "../shell/LanguageSwitch";
import { useLogin, useSession } from "./session";

function safeRedirect(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") && from !== "/login" ? from : "/";
}

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState(false);

  if (session.data) return <Navigate to={safeRedirect(location.state)} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(safeRedirect(location.state), { replace: true }) });
  };

  let error: string | null = missing ? t("login.missing") : null;
  if (!missing && login.error) {
    const err = login.error;
    if (isApiError(err) && err.status === 401) error = t("login.wrongCredentials");
    else if (isApiError(err) && err.status === 429) error = t("login.tooManyAttempts", { count: err.retryAfter ?? 60 });
    else if (isApiError(err) && err.code === "validation_failed") error = t("login.invalidEmail");
    else error = errorMessage(t, err);
  }

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <form onSubmit={onSubmit} noValidate>
            <Stack>
              <Group gap="sm">
                <Logo size={36} />
                <div>
                  <Title order={1} size="h2">
                    Portcullis
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t("login.subtitle")}
                  </Text>
                </div>
              </Group>
              {error && (
                <Alert color="red" role="alert" data-testid="login-error">
                  {error}
                </Alert>
              )}
              <TextInput
                label={t("login.email")}
                name="email"
                type="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label={t("login.password")}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" data-testid="login-submit" loading={login.isPending}>
                {t("login.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
