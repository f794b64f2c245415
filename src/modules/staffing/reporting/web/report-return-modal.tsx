// Returns a submitted report to the municipality with a comment saying what to correct (the comment is required).
import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AppModal } from '../../../../platform/web/components/app-modal.tsx';
import { ModalForm } from '../../../../platform/web/components/modal-form.tsx';
import { contractResolver } from '../../../../platform/web/contract-resolver.ts';
import { returnReportSchema, STAFFING_LIMITS } from '../../staffing.contracts.ts';
import { useReportingT } from '../../web/staffing-t.ts';

type ReturnModalProps = {
  municipalityName: string;
  pending: boolean;
  error: string | null;
  onReturn: (comment: string) => void;
  onClose: () => void;
};

const validate = contractResolver(returnReportSchema);

export function ReportReturnModal({ municipalityName, pending, error, onReturn, onClose }: ReturnModalProps) {
  const rt = useReportingT();
  const form = useForm({ initialValues: { comment: '' }, validate });
  return (
    <AppModal opened onClose={onClose} title={rt('form.returnTitle', { municipality: municipalityName })}>
      <ModalForm
        form={form}
        onSubmit={(values) => onReturn(values.comment.trim())}
        pending={pending}
        formError={error}
        submitLabel={rt('form.returnSubmit')}
        onCancel={onClose}
      >
        <Text>{rt('form.returnHelp')}</Text>
        <Textarea
          label={rt('form.returnComment')}
          required
          autosize
          minRows={4}
          maxLength={STAFFING_LIMITS.comment}
          data-autofocus
          {...form.getInputProps('comment')}
        />
      </ModalForm>
    </AppModal>
  );
}
