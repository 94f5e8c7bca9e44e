import {
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  markerKinds,
  subExperiences,
  touchpointChannels,
  touchpointOwnerTypes,
  type CreateTouchpointBody,
  type JourneyMarker,
  type MapStage,
  type MapTouchpoint,
  type MarkerKind,
  type SubExperience,
  type TouchpointChannel,
  type TouchpointOwnerType,
} from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useLinksOfSurveysQueries,
  useSetSurveyTouchpointMutation,
  useSurveysQuery,
} from '../../api/surveys';
import { ErrorAlert } from '../../components/status';
import type { MapOp, TouchpointPatch } from './map-ops';

interface Fields {
  name: string;
  description: string;
  channel: TouchpointChannel;
  ownerType: TouchpointOwnerType;
  partnerName: string;
  subExperience: SubExperience;
  team: string;
  promise: string;
  promiseHours: number | '';
  expectation: string;
}

function fieldsOf(tp: MapTouchpoint | null): Fields {
  return {
    name: tp?.name ?? '',
    description: tp?.description ?? '',
    channel: tp?.channel ?? 'web',
    ownerType: tp?.ownerType ?? 'company',
    partnerName: tp?.partnerName ?? '',
    subExperience: tp?.subExperience ?? 'service',
    team: tp?.team ?? '',
    promise: tp?.promise ?? '',
    promiseHours: tp?.promiseHours ?? '',
    expectation: tp?.expectation ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The API body of the form's fields (empty texts become null; a partner name only for partners). */
function bodyOf(f: Fields) {
  return {
    name: f.name.trim(),
    description: f.description.trim(),
    channel: f.channel,
    ownerType: f.ownerType,
    partnerName: f.ownerType === 'partner' ? orNull(f.partnerName) : null,
    subExperience: f.subExperience,
    team: orNull(f.team),
    promise: orNull(f.promise),
    promiseHours: f.promiseHours === '' ? null : Number(f.promiseHours),
    expectation: orNull(f.expectation),
  };
}

/** Only the fields that changed, so Undo restores exactly those. */
function patchOf(tp: MapTouchpoint, f: Fields): TouchpointPatch | null {
  const next = bodyOf(f);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next))
    if (tp[key as keyof MapTouchpoint] !== value) patch[key] = value;
  return Object.keys(patch).length ? patch : null;
}

/** A touchpoint's fields: for a new one in a stage, or to change one. */
function TouchpointForm(props: {
  touchpoint: MapTouchpoint | null;
  readOnly: boolean;
  onSubmit: (fields: Fields) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState<Fields>(() => fieldsOf(props.touchpoint));
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) =>
    setF((x) => ({ ...x, [key]: value }));
  const ro = props.readOnly;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (f.name.trim()) props.onSubmit(f);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('journeys.touchpoint.fields.name')}
          required
          maxLength={200}
          readOnly={ro}
          value={f.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NativeSelect
            label={t('journeys.touchpoint.fields.channel')}
            value={f.channel}
            disabled={ro}
            data={touchpointChannels.map((c) => ({ value: c, label: t(`journeys.channels.${c}`) }))}
            onChange={(e) => set('channel', e.currentTarget.value as TouchpointChannel)}
          />
          <NativeSelect
            label={t('journeys.touchpoint.fields.ownerType')}
            value={f.ownerType}
            disabled={ro}
            data={touchpointOwnerTypes.map((o) => ({ value: o, label: t(`journeys.owners.${o}`) }))}
            onChange={(e) => set('ownerType', e.currentTarget.value as TouchpointOwnerType)}
          />
          <NativeSelect
            label={t('journeys.touchpoint.fields.subExperience')}
            value={f.subExperience}
            disabled={ro}
            data={subExperiences.map((s) => ({
              value: s,
              label: t(`journeys.subExperiences.${s}`),
            }))}
            onChange={(e) => set('subExperience', e.currentTarget.value as SubExperience)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {f.ownerType === 'partner' && (
            <TextInput
              label={t('journeys.touchpoint.fields.partnerName')}
              maxLength={200}
              readOnly={ro}
              value={f.partnerName}
              onChange={(e) => set('partnerName', e.currentTarget.value)}
            />
          )}
          <TextInput
            label={t('journeys.touchpoint.fields.team')}
            maxLength={200}
            readOnly={ro}
            value={f.team}
            onChange={(e) => set('team', e.currentTarget.value)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Textarea
            label={t('journeys.touchpoint.fields.promise')}
            autosize
            minRows={1}
            maxLength={2000}
            readOnly={ro}
            value={f.promise}
            onChange={(e) => set('promise', e.currentTarget.value)}
          />
          <NumberInput
            label={t('journeys.touchpoint.fields.promiseHours')}
            min={0}
            max={100000}
            readOnly={ro}
            value={f.promiseHours}
            onChange={(v) => set('promiseHours', typeof v === 'number' ? v : '')}
          />
        </SimpleGrid>
        <Textarea
          label={t('journeys.touchpoint.fields.expectation')}
          autosize
          minRows={1}
          maxLength={2000}
          readOnly={ro}
          value={f.expectation}
          onChange={(e) => set('expectation', e.currentTarget.value)}
        />
        <Textarea
          label={t('journeys.touchpoint.fields.description')}
          autosize
          minRows={2}
          maxLength={4000}
          readOnly={ro}
          value={f.description}
          onChange={(e) => set('description', e.currentTarget.value)}
        />
        {!ro && (
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">
              {props.touchpoint ? t('journeys.touchpoint.save') : t('journeys.touchpoint.create')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** A marker added or changed: kind, note, and evidence (a comment, a response id). */
function MarkerForm(props: {
  marker: JourneyMarker | null;
  onSubmit: (m: {
    kind: MarkerKind;
    note: string;
    comment: string | null;
    responseId: string | null;
  }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<MarkerKind>(props.marker?.kind ?? 'pain');
  const [note, setNote] = useState(props.marker?.note ?? '');
  const [comment, setComment] = useState(props.marker?.comment ?? '');
  const [responseId, setResponseId] = useState(props.marker?.responseId ?? '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) return;
        props.onSubmit({
          kind,
          note: note.trim(),
          comment: orNull(comment),
          responseId: orNull(responseId),
        });
      }}
    >
      <Stack gap="xs">
        <NativeSelect
          label={t('journeys.markers.kind')}
          value={kind}
          data={markerKinds.map((k) => ({ value: k, label: t(`journeys.markers.${k}`) }))}
          onChange={(e) => setKind(e.currentTarget.value as MarkerKind)}
        />
        <Textarea
          label={t('journeys.markers.note')}
          required
          autosize
          minRows={1}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Textarea
          label={t('journeys.markers.comment')}
          autosize
          minRows={1}
          maxLength={4000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <TextInput
          label={t('journeys.markers.responseId')}
          value={responseId}
          maxLength={36}
          pattern="[0-9a-fA-F-]{36}"
          onChange={(e) => setResponseId(e.currentTarget.value)}
        />
        <Group gap="xs">
          <Button size="xs" type="submit">
            {t('common.save')}
          </Button>
          <Button size="xs" variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The touchpoint's pain points and moments of delight, each editable. */
function Markers(props: {
  touchpoint: MapTouchpoint;
  canManage: boolean;
  perform: (op: MapOp, label: string) => void;
}) {
  const { t } = useTranslation();
  const tp = props.touchpoint;
  const [editing, setEditing] = useState<string | null>(null); // a marker's id, or 'new';
  const label = t('journeys.changes.marker', { name: tp.name });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('journeys.markers.title')}
      </Title>
      {tp.markers.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('journeys.markers.none')}
        </Text>
      )}
      {tp.markers.map((m) =>
        editing === m.id ? (
          <MarkerForm
            key={m.id}
            marker={m}
            onCancel={() => setEditing(null)}
            onSubmit={(next) => {
              setEditing(null);
              const patch: Record<string, unknown> = {};
              for (const [k, v] of Object.entries(next))
                if (m[k as keyof JourneyMarker] !== v) patch[k] = v;
              if (Object.keys(patch).length)
                props.perform(
                  { type: 'updateMarker', touchpointId: tp.id, markerId: m.id, patch },
                  label,
                );
            }}
          />
        ) : (
          <div key={m.id} data-testid="marker">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge color={m.kind === 'pain' ? 'red' : 'green'} variant="light" tt="none">
                <span aria-hidden>{m.kind === 'pain' ? '⚠ ' : '★ '}</span>
                {t(`journeys.markers.${m.kind}`)}
              </Badge>
              <Text size="sm" style={{ flex: 1 }}>
                {m.note}
              </Text>
            </Group>
            {m.comment && (
              <Text size="sm" fs="italic" ml="md">
                “{m.comment}”
              </Text>
            )}
            {props.canManage && (
              <Group gap={4} ml="md">
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(m.id)}>
                  {t('journeys.markers.edit')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    props.perform(
                      { type: 'deleteMarker', touchpointId: tp.id, markerId: m.id },
                      label,
                    )
                  }
                >
                  {t('journeys.markers.delete')}
                </Button>
              </Group>
            )}
          </div>
        ),
      )}
      {props.canManage &&
        (editing === 'new' ? (
          <MarkerForm
            marker={null}
            onCancel={() => setEditing(null)}
            onSubmit={(body) => {
              setEditing(null);
              props.perform({ type: 'createMarker', touchpointId: tp.id, body }, label);
            }}
          />
        ) : (
          <Button size="xs" variant="default" onClick={() => setEditing('new')} w="fit-content">
            {t('journeys.markers.add')}
          </Button>
        ))}
    </Stack>
  );
}

/**
 * Which surveys listen at the touchpoint (a survey placed here, or a link of any survey placed
 * here), and attaching a survey in one step: the survey's answers are then recorded here.
 */
function Listening(props: { workspaceId: string; touchpoint: MapTouchpoint; canManage: boolean }) {
  const { t } = useTranslation();
  const tp = props.touchpoint;
  const surveys = useSurveysQuery(props.workspaceId);
  const all = surveys.data?.items ?? [];
  const links = useLinksOfSurveysQueries(
    props.workspaceId,
    all.map((s) => s.id),
  ).filter((l) => l.touchpointId === tp.id);
  const here = all.filter((s) => s.touchpointId === tp.id);
  const candidates = all.filter((s) => s.touchpointId !== tp.id && s.status !== 'closed');
  const [chosen, setChosen] = useState('');
  const attach = useSetSurveyTouchpointMutation(props.workspaceId);
  const surveyName = (id: string) => all.find((s) => s.id === id)?.name ?? '';
  return (
    <Stack gap="xs" data-testid="touchpoint-listening-section">
      <Title order={3} size="h5">
        {t('journeys.listening.title')}
      </Title>
      {surveys.isError && (
        <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} />
      )}
      {surveys.data && here.length === 0 && links.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('journeys.listening.none')}
        </Text>
      )}
      {(here.length > 0 || links.length > 0) && (
        <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="touchpoint-surveys">
          {here.map((s) => (
            <li key={s.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">
                  {t('journeys.listening.survey')}: {s.name}
                </Text>
                {props.canManage && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    loading={attach.isPending && attach.variables.surveyId === s.id}
                    onClick={() => attach.mutate({ surveyId: s.id, touchpointId: null })}
                  >
                    {t('journeys.listening.detach', { name: s.name })}
                  </Button>
                )}
              </Group>
            </li>
          ))}
          {links.map((l) => (
            <li key={l.id}>
              <Text size="sm">
                {t('journeys.listening.link', { link: l.name, survey: surveyName(l.surveyId) })}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {props.canManage && candidates.length > 0 && (
        <form
          aria-label={t('journeys.listening.attach')}
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen)
              attach.mutate(
                { surveyId: chosen, touchpointId: tp.id },
                { onSuccess: () => setChosen('') },
              );
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('journeys.listening.surveyLabel')}
              value={chosen}
              data={[
                { value: '', label: t('journeys.listening.choose') },
                ...candidates.map((s) => ({ value: s.id, label: s.name })),
              ]}
              onChange={(e) => setChosen(e.currentTarget.value)}
            />
            <Button type="submit" size="sm" disabled={!chosen} loading={attach.isPending}>
              {t('journeys.listening.attach')}
            </Button>
          </Group>
        </form>
      )}
      {attach.isError && <ErrorAlert error={attach.error} />}
      <Text size="xs" c="dimmed">
        {t('journeys.listening.hint')}
      </Text>
    </Stack>
  );
}

/**
 * The dialog of a touchpoint: every field, and its markers. `touchpoint` null with a `stage`
 * makes a new touchpoint at the end of that stage.
 */
export function TouchpointModal(props: {
  workspaceId: string;
  touchpoint: MapTouchpoint | null;
  stage: MapStage | null;
  canManage: boolean;
  opened: boolean;
  onClose: () => void;
  perform: (op: MapOp, label: string) => void;
}) {
  const { t } = useTranslation();
  const tp = props.touchpoint;
  const title = tp
    ? t('journeys.touchpoint.editTitle', { name: tp.name })
    : t('journeys.touchpoint.newTitle', { stage: props.stage?.name ?? '' });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={props.opened}
      onClose={props.onClose}
      title={title}
      size="lg"
    >
      {props.opened && (
        <Stack>
          <TouchpointForm
            key={tp?.id ?? 'new'}
            touchpoint={tp}
            readOnly={!props.canManage}
            onCancel={props.onClose}
            onSubmit={(fields) => {
              if (tp) {
                const patch = patchOf(tp, fields);
                if (patch)
                  props.perform(
                    { type: 'updateTouchpoint', touchpointId: tp.id, patch },
                    t('journeys.changes.touchpoint', { name: fields.name.trim() }),
                  );
              } else if (props.stage) {
                const body: CreateTouchpointBody = { stageId: props.stage.id, ...bodyOf(fields) };
                props.perform(
                  { type: 'createTouchpoint', body },
                  t('journeys.changes.addTouchpoint', { name: body.name }),
                );
              }
              props.onClose();
            }}
          />
          {tp && (
            <>
              <Divider />
              <Markers touchpoint={tp} canManage={props.canManage} perform={props.perform} />
              <Divider />
              <Listening
                workspaceId={props.workspaceId}
                touchpoint={tp}
                canManage={props.canManage}
              />
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
