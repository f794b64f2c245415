// Downloads as Excel and CSV: plain links (the browser sends the session cookie where one is needed) in a labelled
// group, each button's accessible name saying what it downloads.
import { Button, Group, Stack, Text } from '@mantine/core';
import { TRAINING_FILE_TYPES, type TrainingFileType } from '../trainings.contracts.ts';
import { useTrainingsT } from './trainings-t.ts';

type FileDownloadsProps = {
  /** The group's name: "Ladda ner hela katalogen". */
  label: string;
  /** What the files hold, within a sentence: "hela katalogen". */
  what: string;
  href: (file: TrainingFileType) => string;
  help?: string;
};

export function FileDownloads({ label, what, href, help }: FileDownloadsProps) {
  const tt = useTrainingsT();
  return (
    <Stack gap={4}>
      <Group gap="sm" role="group" aria-label={label}>
        {TRAINING_FILE_TYPES.map((file) => (
          <Button
            key={file}
            component="a"
            href={href(file)}
            download
            variant="default"
            size="sm"
            aria-label={tt(`download.${file}Of`, { what })}
          >
            {tt(`download.${file}`)}
          </Button>
        ))}
      </Group>
      {help ? (
        <Text size="xs" c="dimmed" maw={420}>
          {help}
        </Text>
      ) : null}
    </Stack>
  );
}
