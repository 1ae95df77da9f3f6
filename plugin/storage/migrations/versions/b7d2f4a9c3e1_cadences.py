"""cadences: per employee, how often their MUS and check-ins are, set by their manager

Revision ID: b7d2f4a9c3e1
Revises: f3c8a1d2e6b7
Create Date: 2026-12-07 17:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import plugin.storage.types


# revision identifiers, used by Alembic.
revision = 'b7d2f4a9c3e1'
down_revision = "f3c8a1d2e6b7"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('cadences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=False),
    sa.Column('mus_interval_months', sa.Integer(), nullable=False),
    sa.Column('check_in_interval_weeks', sa.Integer(), nullable=True),
    sa.Column('updated_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['people.id'], name=op.f('fk_cadences_employee_id_people')),
    sa.ForeignKeyConstraint(['manager_id'], ['people.id'], name=op.f('fk_cadences_manager_id_people')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_cadences_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cadences')),
    sa.UniqueConstraint('tenant_id', 'employee_id', name=op.f('uq_cadences_tenant_id'))
    )
    with op.batch_alter_table('cadences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cadences_tenant_id'), ['tenant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('cadences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cadences_tenant_id'))

    op.drop_table('cadences')
