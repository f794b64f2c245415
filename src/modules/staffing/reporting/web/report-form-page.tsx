// /staffing/reports/:periodId/:municipalityId: a municipality's report for a period. The values are checked with the
// server's own rules as one types; a draft can be saved at any time, the report submitted once it is complete, and
// approved or returned (with a comment) by those who review it.
import { Accordion, Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBlocker } from '@tanstack/react-router';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../../platform/web/api/api-client.ts';
import { ErrorAlert, FormError, Loading } from '../../../../platform/web/components/feedback.tsx';
import { Page } from '../../../../platform/web/components/page.tsx';
import { RouterAnchor } from '../../../../platform/web/components/router-link.tsx';
import { useFormat } from '../../../../platform/web/i18n/format.ts';
import { notifySuccess } from '../../../../platform/web/notify.ts';
import type { ReportDto, StaffingConfigDto } from '../../staffing.contracts.ts';
import { CONTEXT } from '../../staffing-measures.ts';
import { indexFacts, type RuleError, validateFacts } from '../../staffing-rules.ts';
import { reportQuery, staffingApi, staffingConfigQuery } from '../../web/reporting-api.ts';
import { useDay, useLang } from '../../web/reporting-format.ts';
import { useReportingT } from '../../web/staffing-t.ts';
import { ReportChecklist } from './report-checklist.tsx';
import { type FieldState, inputId, ReportSectionFields } from './report-form-fields.tsx';
import { buildFormModel, type FormModel } from './report-form-model.ts';
import { ReportHistory } from './report-history.tsx';
import { changesSince } from './report-plausibility.ts';
import { ReportReturnModal } from './report-return-modal.tsx';
import { ReportStatusBadge } from './report-status.tsx';
import { SubmitConfirm } from './report-submit-confirm.tsx';
import {
  errorsByPath,
  type FormValues,
  groupOf,
  sameValues,
  toFacts,
  toFormValues,
  toRulesConfig,
} from './report-values.ts';

type ReportFormPageProps = { periodId: string; municipalityId: string };

export function ReportFormPage({ periodId, municipalityId }: ReportFormPageProps) {
  const rt = useReportingT();
  const report = useQuery(reportQuery(periodId, municipalityId));
  const config = useQuery(staffingConfigQuery());
  if (!report.isSuccess || !config.isSuccess) {
    const failed = report.isError ? report : config.isError ? config : null;
    return (
      <Page title={rt('form.titleLoading')}>
        <RouterAnchor to="/staffing/reports/$periodId" params={{ periodId }}>
          {rt('form.back')}
        </RouterAnchor>
        {failed ? <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} /> : <Loading />}
      </Page>
    );
  }
  return <ReportForm report={report.data} config={config.data} />;
}

/** The section a field or group path belongs to (a profession key, or CONTEXT). */
const sectionOf = (path: string) => path.split('.')[0] ?? '';

function ReportForm({ report, config }: { report: ReportDto; config: StaffingConfigDto }) {
  const { t } = useTranslation();
  const rt = useReportingT();
  const lang = useLang();
  const format = useFormat();
  const day = useDay();
  const queryClient = useQueryClient();
  const { periodId, municipalityId } = report;

  const rules = useMemo(() => toRulesConfig(config), [config]);
  const model = useMemo(
    () =>
      buildFormModel(config, lang, {
        context: rt('form.contextTitle'),
        employees: rt('form.blocks.employees'),
        specialists: rt('form.blocks.specialists'),
        competences: rt('form.blocks.competences'),
        ages: rt('form.blocks.ages'),
        employment: rt('form.blocks.employment'),
        positions: rt('form.blocks.positions'),
        absence: rt('form.blocks.absence'),
      }),
    [config, lang, rt],
  );
  const previous = useMemo(() => (report.previous ? indexFacts(report.previous.facts) : null), [report.previous]);

  const [baseline, setBaseline] = useState<FormValues>(() => toFormValues(report.facts, lang));
  const [values, setValues] = useState<FormValues>(baseline);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [open, setOpen] = useState<string[]>(() => model.professions.slice(0, 1).map((s) => s.key));
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  /** What the last save, submit, approval or return did, shown (and focused) in the status line of the save bar. */
  const [done, setDone] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const barRef = useRef<HTMLElement>(null);

  const readOnly = !report.permissions.edit;
  const notANumber = rt('form.notANumber');
  const { facts, parseErrors } = useMemo(() => toFacts(values, notANumber), [values, notANumber]);
  // A text that is not a number is its own error; the rules check the values that are numbers.
  const draftErrors = useMemo(
    () => withParseErrors(parseErrors, validateFacts(rules, facts, 'draft')),
    [rules, facts, parseErrors],
  );
  const submitErrors = useMemo(
    () => withParseErrors(parseErrors, validateFacts(rules, facts, 'submit')),
    [rules, facts, parseErrors],
  );
  const errors = useMemo(() => ({ ...serverErrors, ...errorsByPath(draftErrors) }), [serverErrors, draftErrors]);
  const dirty = useMemo(() => !sameValues(values, baseline), [values, baseline]);

  useBlocker({
    shouldBlockFn: () => dirty && !window.confirm(rt('form.leaveUnsaved')),
    enableBeforeUnload: dirty,
  });

  // No field hides behind the sticky save bar: the page scrolls a focused field (and any anchor) above it.
  useEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const root = document.documentElement;
    const pad = () => {
      root.style.scrollPaddingBottom = `${bar.offsetHeight + 16}px`;
    };
    pad();
    const observer = new ResizeObserver(pad);
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = '';
    };
  }, []);

  // After a save or submit, the focus goes to the status line that says what happened (WCAG 4.1.3).
  useEffect(() => {
    if (done) statusRef.current?.focus();
  }, [done]);

  const onChange = useCallback((path: string, text: string) => {
    setDone(null);
    setValues((current) => ({ ...current, [path]: text }));
    setServerErrors((current) => {
      const group = groupOf(path);
      if (!(path in current) && !(group in current)) return current;
      const { [path]: _field, [group]: _group, ...rest } = current;
      return rest;
    });
  }, []);

  // Moves the focus to a field (or a group's first field) once its section is open.
  useEffect(() => {
    if (!focusPath) return;
    const frame = requestAnimationFrame(() => {
      const id = inputId(focusPath);
      const target =
        document.getElementById(id) ?? document.querySelector<HTMLInputElement>(`input[id^="${CSS.escape(id)}-"]`);
      target?.focus();
      setFocusPath(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusPath]);

  const goTo = useCallback((path: string) => {
    const section = sectionOf(path);
    if (section !== CONTEXT) setOpen((current) => (current.includes(section) ? current : [...current, section]));
    setFocusPath(path);
  }, []);

  const openSectionsWith = (paths: string[]) => {
    const sections = new Set(paths.map(sectionOf).filter((s) => s !== CONTEXT));
    setOpen((current) => [...new Set([...current, ...sections])]);
  };

  const applyReport = (saved: ReportDto) => {
    queryClient.setQueryData(reportQuery(periodId, municipalityId).queryKey, saved);
    void queryClient.invalidateQueries({ queryKey: ['staffing', 'periods'] });
    const next = toFormValues(saved.facts, lang);
    setBaseline(next);
    setValues(next);
    setServerErrors({});
    setFormError(null);
  };

  const onServerError = (error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0) {
      setServerErrors(errorsByPath(error.fields));
      openSectionsWith(error.fields.map((f) => f.path));
    }
    setFormError(errorMessage(error));
  };

  const save = useMutation({
    mutationFn: () => staffingApi.saveFacts(periodId, municipalityId, facts),
    onSuccess: (saved) => {
      applyReport(saved);
      setDone(rt('form.draftSaved'));
    },
    onError: onServerError,
  });
  const submit = useMutation({
    mutationFn: async () => {
      if (dirty) applyReport(await staffingApi.saveFacts(periodId, municipalityId, facts));
      return staffingApi.submit(periodId, municipalityId);
    },
    onSuccess: (saved) => {
      applyReport(saved);
      setConfirming(false);
      setDone(rt('form.submitted'));
    },
    onError: (error) => {
      setConfirming(false);
      onServerError(error);
    },
  });
  const approve = useMutation({
    mutationFn: () => staffingApi.approve(periodId, municipalityId),
    onSuccess: (saved) => {
      applyReport(saved);
      notifySuccess(rt('form.approved', { municipality: saved.municipalityName }));
    },
    onError: onServerError,
  });
  const returnReport = useMutation({
    mutationFn: (comment: string) => staffingApi.returnReport(periodId, municipalityId, comment),
    onSuccess: (saved) => {
      applyReport(saved);
      setReturning(false);
      notifySuccess(rt('form.returned', { municipality: saved.municipalityName }));
    },
  });
  const busy = save.isPending || submit.isPending || approve.isPending || returnReport.isPending;

  const onSave = (event?: FormEvent) => {
    event?.preventDefault();
    if (readOnly || busy) return;
    if (draftErrors.length > 0) {
      setFormError(rt('form.fixBeforeSave', { count: draftErrors.length }));
      openSectionsWith(draftErrors.map((e) => e.path));
      return;
    }
    setFormError(null);
    save.mutate();
  };

  const canSubmit = report.permissions.submit && submitErrors.length === 0;
  const fieldState: FieldState = { values, errors, previous, readOnly, onChange, warnShare: report.warnShare };
  const changes = useMemo(
    () => (confirming && previous ? changesSince(previous, indexFacts(facts), report.warnShare) : []),
    [confirming, previous, facts, report.warnShare],
  );
  const returnedBy = report.status === 'returned' ? lastReturn(report.history) : null;

  return (
    <Page title={rt('form.title', { municipality: report.municipalityName, period: report.periodLabel })}>
      <RouterAnchor to="/staffing/reports/$periodId" params={{ periodId }}>
        {rt('form.backTo', { period: report.periodLabel })}
      </RouterAnchor>
      <Group gap="lg">
        <Group gap="xs">
          <Text fw={700}>{t('common.status')}:</Text>
          <ReportStatusBadge status={report.status} />
        </Group>
        <Text>
          <Text span fw={700}>
            {rt('periods.deadline')}:
          </Text>{' '}
          {day(report.deadline)}
        </Text>
        <Text>
          <Text span fw={700}>
            {rt('form.lastSaved')}:
          </Text>{' '}
          {report.updatedAt ? format.dateTime(report.updatedAt) : rt('form.neverSaved')}
        </Text>
      </Group>
      {returnedBy ? (
        <Alert color="orange" title={rt('form.returnedTitle')} role="note">
          <Text size="sm" fw={600}>
            {rt('form.returnedBy', { name: returnedBy.actorName, at: format.dateTime(returnedBy.at) })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {returnedBy.comment}
          </Text>
        </Alert>
      ) : null}
      {readOnly ? (
        <Alert color="gray" role="note">
          <Text size="sm">{rt(`form.readOnly.${readOnlyReason(report)}`)}</Text>
        </Alert>
      ) : null}
      <Text>
        {report.previous ? rt('form.previousNote', { period: report.previous.label }) : rt('form.noPrevious')}
      </Text>

      <form noValidate onSubmit={onSave} aria-label={rt('form.formLabel')}>
        <Stack gap="lg">
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="context-heading">
            <Stack gap="sm">
              <Title order={2} size="h3" id="context-heading">
                {model.context.title}
              </Title>
              <ReportSectionFields section={model.context} state={fieldState} headingOrder={3} hideSingleTitle />
            </Stack>
          </Paper>
          <ProfessionSections model={model} state={fieldState} open={open} onOpenChange={setOpen} />
          {readOnly ? null : (
            <ReportChecklist
              errors={submitErrors}
              where={model.where}
              config={config}
              canSubmit={report.permissions.submit}
              onGoTo={goTo}
            />
          )}
          <UnplacedErrors errors={errors} model={model} />
          <FormError message={formError} />
          <Paper
            withBorder
            p="md"
            radius="md"
            shadow="sm"
            style={{ position: 'sticky', bottom: 0, zIndex: 5 }}
            component="section"
            aria-label={rt('form.actions')}
            ref={barRef}
          >
            <Group justify="space-between" gap="sm">
              <Text size="sm" role="status" ref={statusRef} tabIndex={-1} id="report-status-line">
                {done && !dirty ? `${done} ` : null}
                {readOnly ? null : dirty ? rt('form.unsaved') : rt('form.allSaved')}
              </Text>
              <Group gap="sm">
                {readOnly ? null : (
                  <Button type="submit" variant="default" loading={save.isPending} disabled={busy && !save.isPending}>
                    {rt('form.saveDraft')}
                  </Button>
                )}
                {report.permissions.submit ? (
                  <Button
                    disabled={!canSubmit || (busy && !submit.isPending)}
                    loading={submit.isPending}
                    aria-describedby="checklist-heading"
                    onClick={() => {
                      setFormError(null);
                      setConfirming(true);
                    }}
                  >
                    {rt('form.submit')}
                  </Button>
                ) : null}
                {report.permissions.return ? (
                  <Button
                    variant="default"
                    color="red"
                    disabled={busy || dirty}
                    onClick={() => {
                      returnReport.reset();
                      setReturning(true);
                    }}
                  >
                    {rt('form.return')}
                  </Button>
                ) : null}
                {report.permissions.approve ? (
                  <Button
                    disabled={busy || dirty}
                    loading={approve.isPending}
                    onClick={() => {
                      setFormError(null);
                      approve.mutate();
                    }}
                  >
                    {rt('form.approve')}
                  </Button>
                ) : null}
              </Group>
            </Group>
            {dirty && (report.permissions.approve || report.permissions.return) ? (
              <Text size="sm" mt="xs">
                {rt('form.saveBeforeReview')}
              </Text>
            ) : null}
          </Paper>
        </Stack>
      </form>

      <ReportHistory report={report} />
      {confirming ? (
        <SubmitConfirm
          period={report.periodLabel}
          previousLabel={report.previous?.label ?? null}
          changes={changes}
          labelOf={(path) => model.where.get(path)?.label ?? path}
          warnShare={report.warnShare}
          loading={submit.isPending}
          onConfirm={() => submit.mutate()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {returning ? (
        <ReportReturnModal
          municipalityName={report.municipalityName}
          pending={returnReport.isPending}
          error={returnReport.isError ? errorMessage(returnReport.error) : null}
          onReturn={(comment) => returnReport.mutate(comment)}
          onClose={() => setReturning(false)}
        />
      ) : null}
    </Page>
  );
}

type ProfessionSectionsProps = {
  model: FormModel;
  state: FieldState;
  open: string[];
  onOpenChange: (open: string[]) => void;
};

function ProfessionSections({ model, state, open, onOpenChange }: ProfessionSectionsProps) {
  const rt = useReportingT();
  const errorCount = (key: string) => Object.keys(state.errors).filter((path) => sectionOf(path) === key).length;
  return (
    <Stack gap="sm" component="section" aria-labelledby="professions-heading">
      <Group justify="space-between" gap="sm">
        <Title order={2} size="h3" id="professions-heading">
          {rt('form.professionsTitle')}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => onOpenChange(model.professions.map((s) => s.key))}>
            {rt('form.openAll')}
          </Button>
          <Button size="xs" variant="default" onClick={() => onOpenChange([])}>
            {rt('form.closeAll')}
          </Button>
        </Group>
      </Group>
      <Text size="sm">{rt('form.professionsHelp')}</Text>
      <Accordion multiple value={open} onChange={onOpenChange} variant="separated" order={3} transitionDuration={0}>
        {model.professions.map((section) => {
          const count = errorCount(section.key);
          return (
            <Accordion.Item key={section.key} value={section.key}>
              <Accordion.Control>
                <Text span fw={600}>
                  {section.title}
                </Text>
                {count > 0 ? (
                  <Text span size="sm" c="var(--mantine-color-error)" ml="sm">
                    {rt('form.sectionErrors', { count })}
                  </Text>
                ) : null}
              </Accordion.Control>
              <Accordion.Panel>
                <ReportSectionFields section={section} state={state} headingOrder={4} />
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Stack>
  );
}

/** Errors on a path the form has no field for (say, a value of a deactivated specialty), so they are not lost. */
function UnplacedErrors({ errors, model }: { errors: Record<string, string>; model: FormModel }) {
  const rt = useReportingT();
  const unplaced = Object.entries(errors).filter(([path]) => !model.where.has(path));
  if (unplaced.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={rt('form.otherErrors')}>
      <Stack gap={4}>
        {unplaced.map(([path, message]) => (
          <Text key={path} size="sm">
            {path}: {message}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function withParseErrors(parseErrors: RuleError[], ruleErrors: RuleError[]): RuleError[] {
  const unreadable = new Set(parseErrors.map((e) => e.path));
  return [...parseErrors, ...ruleErrors.filter((e) => !unreadable.has(e.path))];
}

function lastReturn(history: ReportDto['history']) {
  const returns = history.filter((h) => h.toStatus === 'returned');
  return returns.sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
}

function readOnlyReason(report: ReportDto): 'submitted' | 'approved' | 'other' {
  if (report.status === 'submitted') return 'submitted';
  if (report.status === 'approved') return 'approved';
  return 'other';
}
