import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { Loading } from '../../../ui/Loading';
import { FormAlert } from '../../../ui/FormAlert';
import { SavedStatus } from '../Editor';
import { adminKeys, savePortalSettings, usePortalSettings, type PortalSettings } from '../api';

const HEADING_ID = 'portal-settings-heading';

function PortalSettingsForm({ settings }: { settings: PortalSettings }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [show, setShow] = useState(settings.showStaffNames);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const onSubmit = async () => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const fresh = await savePortalSettings({ showStaffNames: show });
      qc.setQueryData(adminKeys.portalSettings, fresh);
      setShow(fresh.showStaffNames);
      setSaved(t('admin.portalSettings.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      aria-labelledby={HEADING_ID}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <FormAlert error={error} level={3} />
      <Fieldset>
        <Fieldset.Legend>{t('admin.portalSettings.legend')}</Fieldset.Legend>
        <Fieldset.Description>{t('admin.portalSettings.help')}</Fieldset.Description>
        <Radio label={t('admin.portalSettings.no')} name="showStaffNames" value="no" checked={!show} onChange={() => setShow(false)} />
        <Radio label={t('admin.portalSettings.yes')} name="showStaffNames" value="yes" checked={show} onChange={() => setShow(true)} />
      </Fieldset>
      <div className="form__actions">
        <Button type="submit" loading={busy}>
          {t('admin.portalSettings.save')}
        </Button>
      </div>
      <SavedStatus message={saved} />
    </form>
  );
}

/** "Familjeportalen": whether families see staff names in "Vem har läst om oss?" (issue 7 §4; default no). */
export function PortalSettingsSection() {
  const { t } = useTranslation();
  const settings = usePortalSettings();
  return (
    <section aria-labelledby={HEADING_ID} className="section">
      <Heading level={2} data-size="md" id={HEADING_ID}>
        {t('admin.portalSettings.title')}
      </Heading>
      <Paragraph>{t('admin.portalSettings.intro')}</Paragraph>
      {settings.isPending && <Loading />}
      {settings.isError && <FormAlert error={settings.error} level={3} />}
      {settings.data && <PortalSettingsForm settings={settings.data} />}
    </section>
  );
}
