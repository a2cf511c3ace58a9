/** 10 or 12 digits with an optional - or + before the last four (the server checks the control digit). */
const IDENTITY_NUMBER = /^(\d{6}|\d{8})[-+]?\d{4}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const identityNumberRule = (required: boolean) => ({
  validate: (v: string) => {
    const value = v.trim();
    if (value === '') return !required || 'validation.required';
    return IDENTITY_NUMBER.test(value) || 'validation.identityNumber';
  },
});

export const emailRule = { validate: (v: string) => v.trim() === '' || EMAIL.test(v.trim()) || 'validation.email' };

export const requiredText = { validate: (v: string) => v.trim() !== '' || 'validation.required' };
