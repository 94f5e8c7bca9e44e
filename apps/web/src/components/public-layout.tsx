import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSelect } from './language-select';
import { usePageTitle } from './page-title';

/** The frame of the pages shown before signing in: product name, language, one card. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="space-between" px="md" py="sm" wrap="nowrap">
        <Text fw={700} size="lg" c="blue.8">
          Polku
        </Text>
        <LanguageSelect />
      </Group>
      <Container component="main" size={460} px="md" py="xl">
        <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack>
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
